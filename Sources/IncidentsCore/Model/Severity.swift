/// How bad an incident was. Written in any case in front matter; ordered from worst.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case critical
    case high
    case medium
    case low

    /// Parses `critical`, `High`, `LOW`… (any case, surrounding spaces ignored).
    public init?(parsing text: String) {
        self.init(rawValue: text.trimmingWhitespace().lowercased())
    }

    /// The label readers see, e.g. "Critical".
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// 0 for the worst; used where incidents or tags are ranked by severity.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// "critical, high, medium, low", for error messages.
    static let choices = allCases.map(\.rawValue).joined(separator: ", ")
}
