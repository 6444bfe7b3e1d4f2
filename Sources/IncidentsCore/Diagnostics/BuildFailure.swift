/// Thrown when a build cannot finish: every problem found, sorted by file and position.
///
/// The build collects the errors of all files before throwing, so one bad file
/// never hides the problems of another.
public struct BuildFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public init(_ diagnostic: Diagnostic) {
        self.init([diagnostic])
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }

    /// The failure with each diagnostic about `path` carrying its line of `text`, the
    /// file's text as the boundary accepted it.
    func withExcerpts(of path: String, text: String) -> BuildFailure {
        BuildFailure(diagnostics.withExcerpts(of: path, from: SourceLocator(text)))
    }
}

extension Result where Failure == BuildFailure {
    /// Parses the accepted text of the file at `path`; the diagnostics about it carry their
    /// source lines.
    static func parsing(_ path: String, in files: SiteFiles, _ parse: (String) -> Result<Success, BuildFailure>) -> Result<Success, BuildFailure> {
        files.readText(path).flatMap { text in parse(text).mapError { $0.withExcerpts(of: path, text: text) } }
    }
}
