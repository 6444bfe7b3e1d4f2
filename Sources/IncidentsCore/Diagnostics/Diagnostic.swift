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
    /// The source line at `location`, taken from text the site's file boundary accepted
    /// (never read again for printing): nil when there is none to show.
    public var excerpt: SourceExcerpt?

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

extension Array where Element == Diagnostic {
    /// The diagnostics with the excerpt of their line in `path` attached, from `locator`
    /// over that file's accepted text.
    func withExcerpts(of path: String, from locator: @autoclosure () -> SourceLocator) -> [Diagnostic] {
        guard contains(where: { $0.location.file == path && $0.location.line >= 1 && $0.excerpt == nil }) else { return self }
        let locator = locator()
        return map { diagnostic in
            guard diagnostic.location.file == path, diagnostic.excerpt == nil else { return diagnostic }
            var diagnostic = diagnostic
            diagnostic.excerpt = locator.excerpt(line: diagnostic.location.line, column: diagnostic.location.column)
            return diagnostic
        }
    }
}
