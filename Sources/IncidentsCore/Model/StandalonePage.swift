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
}
