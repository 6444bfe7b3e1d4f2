/// A whole site, validated and ordered, ready to render.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Published incidents (drafts only with `--drafts`), newest first.
    public var incidents: [Incident]
    /// Every tag, by name.
    public var tags: [Tag]
    public var pages: [StandalonePage]
    /// Files under `static/`, relative to it, copied as they are.
    public var staticFiles: [String]

    public init(config: SiteConfig, incidents: [Incident], pages: [StandalonePage], staticFiles: [String]) {
        self.config = config
        self.incidents = incidents.sorted(by: Incident.isListedBefore)
        self.tags = Tag.index(of: self.incidents)
        self.pages = pages.sorted { $0.slug < $1.slug }
        self.staticFiles = staticFiles.sorted()
    }
}
