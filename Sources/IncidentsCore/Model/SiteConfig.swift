/// Settings from `site.yml`; every key is optional.
public struct SiteConfig: Sendable, Equatable {
    public var title: String = "Incidents"
    public var description: String?
    /// An absolute URL, used only where one is required (feeds, sitemap, canonical links).
    public var baseURL: String?
    /// The page language, for `<html lang>`: the default language, the first of `languages`.
    public var language: String = "en" {
        didSet { if languages.count <= 1 { languages = [language] } }
    }
    /// Every language the site is published in, the default first (`site.yml`'s
    /// `languages`, else `language` alone). The others are under `<code>/`.
    public var languages: [String] = ["en"]
    /// Where `languages` was given, for what `check` says about them.
    public var languagesLocation: SourceLocation?
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
