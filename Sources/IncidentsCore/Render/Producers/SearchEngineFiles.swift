/// With `base_url`: `sitemap.xml`, listing every page planned before it, and
/// `robots.txt`, pointing to it.
struct SearchEngineFiles: OutputProducer {
    /// Once for the whole site: every language shares them.
    var isPerLanguage: Bool { false }

    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        guard build.site.config.baseURL != nil else { return [] }
        let pages = planned.filter(RouteTable.isSitemapPage).map(\.path)
        return [
            route("sitemap.xml", item: 0, fingerprint: build.fingerprint { hasher in
                pages.forEach { hasher.combine($0) }
                build.languageSites.forEach { site in site.incidents.forEach { hasher.combine($0.modified) } }
            }),
            route("robots.txt", item: 1, fingerprint: build.sitePrint),
        ]
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        guard let baseURL = build.site.config.baseURL else { return }
        let feeds = SiteFeeds(site: build.site, baseURL: baseURL)
        if route.item == 1 {
            try sink.write(Array(feeds.robots.utf8), to: route.path)
            return
        }
        var lastModified: [String: String] = [:]
        for site in build.languageSites {
            for incident in site.incidents {
                if let modified = incident.modified { lastModified[site.language.prefix + Addresses.incident(incident.slug).indexPath] = modified }
            }
        }
        let translations = build.translations
        let alternates = { (path: String) -> [(code: String, url: String)]? in
            guard let translations, let (positions, inside) = translations.languages(ofOutputPath: path) else { return nil }
            return positions.map { (translations.languages[$0].code, translations.languages[$0].prefix + siteAddress(ofOutputPath: inside)) }
        }
        try sink.write(Array(feeds.sitemap(pagePaths: build.plannedPages, lastModified: lastModified, alternates: alternates).utf8), to: route.path)
    }
}
