/// A whole site, validated and ordered, ready to render.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Published incidents (drafts only with `--drafts`), newest first.
    public var incidents: [Incident]
    /// Every tag, by name.
    public var tags: [Tag]
    /// For each incident (same positions as `incidents`), the positions of its tags in `tags`.
    public var tagsOfIncident: [[Int]]
    /// The fields readers browse by besides tags, as `site.yml` chose them.
    public var facets: [Facet]
    public var pages: [StandalonePage]
    /// Files under `static/`, relative to it, copied as they are.
    public var staticFiles: [String]

    /// The display names of incident `position`'s tags, in the order the editor gave them.
    public func tagNames(of position: Int) -> [String] {
        tagsOfIncident[position].map { tags[$0].name }
    }

    public init(config: SiteConfig, incidents: [Incident], pages: [StandalonePage], staticFiles: [String]) {
        self.config = config
        // Sorting small keys rather than the incidents themselves: copying large structs
        // in and out of comparisons cost more than the comparisons.
        let keys = incidents.map(Incident.ListingKey.init)
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        // Already in order (the usual case for a rebuild): no copy.
        self.incidents = order.elementsEqual(incidents.indices) ? incidents : order.map { incidents[$0] }
        (self.tags, self.tagsOfIncident) = Tag.index(of: self.incidents)
        self.facets = config.facets.map { [incidents = self.incidents] in Facet(field: $0, incidents: incidents) }
        self.pages = pages.sorted { $0.slug < $1.slug }
        self.staticFiles = staticFiles.sorted()
    }
}
