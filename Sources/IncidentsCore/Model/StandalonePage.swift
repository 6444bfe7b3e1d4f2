/// A page from `content/pages/` (about, methodology): a title and a Markdown body.
public struct StandalonePage: Sendable {
    public var sourcePath: String
    /// The page is written to `<slug>/index.html`.
    public var slug: String
    /// Where the slug was given (its `slug:` value, or the file's start for a file name).
    public var slugLocation: SourceLocation
    public var title: String
    public var summary: String?
    public var draft: Bool
    public var body: String

    /// What to change when the page's address clashes with another output: its slug,
    /// or, when the slug comes from the file name, either. (A `slug:` key is never on
    /// line 1, which holds the opening `---`.)
    var clashAdvice: String {
        slugLocation.line > 1 ? "expected another slug" : "expected another file name (or a slug: key)"
    }
}
