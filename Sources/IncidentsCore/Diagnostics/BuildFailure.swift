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
}
