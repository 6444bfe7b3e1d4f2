/// One problem found in a site: where it is, which key it concerns and what is wrong.
///
/// Printed as `path:line:column: key: message`, for example
/// `content/incidents/x.md:4:11: severity: "hgh" is not one of critical, high, medium, low`.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var location: SourceLocation
    /// The front-matter key (or `site.yml` key) concerned, when there is one.
    public var key: String?
    /// What was found and what was expected, in words.
    public var message: String
    public var severity: Severity

    public init(_ location: SourceLocation, key: String? = nil, _ message: String, severity: Severity = .error) {
        self.location = location
        self.key = key
        self.message = message
        self.severity = severity
    }

    /// The one-line form: `path:line:column: key: message`.
    public var description: String {
        if let key {
            return "\(location): \(key): \(message)"
        }
        return "\(location): \(message)"
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.key ?? "", lhs.message) < (rhs.location, rhs.key ?? "", rhs.message)
    }
}
