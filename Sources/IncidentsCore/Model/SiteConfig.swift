/// Settings from `site.yml`; every key is optional.
public struct SiteConfig: Sendable, Equatable {
    public var title: String = "Incidents"
    public var description: String?
    /// An absolute URL, used only where one is required (feeds, sitemap, canonical links).
    public var baseURL: String?
    /// The page language, for `<html lang>`.
    public var language: String = "en"
    /// Incidents per list page; 0 puts every incident on one page.
    public var perPage: Int = 50
    /// Lets raw HTML in Markdown through; off by default, for sites that trust their editors.
    public var unsafeHTML: Bool = false
    /// Full-text search with Pagefind (see `PagefindIndexer`).
    public var search: Bool = false
    /// The fields that get browse pages besides tags.
    public var facets: [IncidentField] = IncidentField.defaultFacets

    public init() {}
}
