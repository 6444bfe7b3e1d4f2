/// With `base_url`: `sitemap.xml`, listing every page planned before it, and
/// `robots.txt`, pointing to it.
struct SearchEngineFiles: OutputProducer {
    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        guard build.site.config.baseURL != nil else { return [] }
        let pages = planned.filter(RouteTable.isSitemapPage).map(\.path)
        return [
            route("sitemap.xml", item: 0, fingerprint: build.fingerprint { hasher in
                pages.forEach { hasher.combine($0) }
                build.site.incidents.forEach { hasher.combine($0.modified) }
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
        for incident in build.site.incidents {
            if let modified = incident.modified { lastModified[Addresses.incident(incident.slug).indexPath] = modified }
        }
        try sink.write(Array(feeds.sitemap(pagePaths: build.plannedPages, lastModified: lastModified).utf8), to: route.path)
    }
}
