/// Where an incident's Markdown comes from when its page is rendered.
public enum MarkdownBody: Sendable, Hashable {
    /// Text kept in memory (parsed from a string, as in tests).
    case inline(String)
    /// Read again from the file when the page is rendered, so the bodies of a large
    /// site are never all in memory at once: memory then grows with the front matter
    /// of the incidents, not with the size of the corpus.
    /// `path` is site-relative, read through `SiteFiles` like every other read.
    case file(path: String)
}
