/// Where each kind of page lives: one function per kind gives its folder, and both the
/// output path (`<folder>index.html`) and the link (`<folder>`, percent-encoded) come
/// from that folder, so a page is always linked where it is written.
enum Addresses {
    /// A folder of the output, as its segments (not encoded).
    struct Folder: Sendable, Hashable {
        let segments: [String]

        /// `tags/zürich/`; "" for the site root.
        var path: String { segments.map { $0 + "/" }.joined() }
        /// The page inside it: `tags/zürich/index.html`.
        var indexPath: String { path + "index.html" }
        /// `tags/z%C3%BCrich/`: relative to the site root, as templates write `{{root}}{{url}}`.
        var url: String { segments.map { Slug.urlEncoded($0) + "/" }.joined() }

        /// A file in it: `tags/zürich/feed.xml`.
        func file(_ name: String) -> String { path + name }

        /// Page `page` of a list in this folder: the folder itself for page 1, `page/<n>/` after.
        func page(_ page: Int) -> Folder { page == 1 ? self : Folder(segments: segments + ["page", String(page)]) }
    }

    static let root = Folder(segments: [])
    static func incident(_ slug: String) -> Folder { Folder(segments: ["incidents", slug]) }
    static let tags = Folder(segments: ["tags"])
    static func tag(_ slug: String) -> Folder { Folder(segments: ["tags", slug]) }
    static func page(_ slug: String) -> Folder { Folder(segments: [slug]) }
    static func facet(_ field: IncidentField) -> Folder { Folder(segments: [field.folder]) }
    static func facetValue(_ field: IncidentField, _ slug: String) -> Folder { Folder(segments: [field.folder, slug]) }
    static let entities = Folder(segments: ["entities"])
    static func entity(_ slug: String) -> Folder { Folder(segments: ["entities", slug]) }
    static let statistics = Folder(segments: ["stats"])
    static let search = Folder(segments: ["search"])
}
