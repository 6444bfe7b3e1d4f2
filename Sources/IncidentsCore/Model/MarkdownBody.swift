/// An incident's Markdown body: as parsed (in tests, and before a build stores it), or
/// rendered and kept in the build's `BodyStore`.
public enum MarkdownBody: Sendable, Hashable {
    /// The Markdown text itself.
    case inline(String)
    /// Rendered once by the parse stage; the store holds its Markdown and HTML.
    case stored(BodyStore.Entry)
}
