/// With `base_url`: an Atom feed for every list (`feed.xml`, `tags/<slug>/feed.xml`,
/// `category/<value>/feed.xml`) and the site's JSON Feed (`feed.json`), each with the
/// `SiteFeeds.entryLimit` newest reports and their whole bodies.
struct Feeds: OutputProducer {
    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        guard build.site.config.baseURL != nil else { return [] }
        var routes = build.lists.indices.map { index in
            let list = build.lists[index]
            return route(list.folder.file("feed.xml"), item: index, fingerprint: build.fingerprint { hasher in
                hasher.combine(Self.title(list, build))
                for position in SiteFeeds.entries(list.members, site: build.site) { hasher.combine(build.incidentPrints[position]) }
            })
        }
        routes.append(route("feed.json", item: -1, fingerprint: build.fingerprint { hasher in
            for position in SiteFeeds.entries(Array(build.site.incidents.indices), site: build.site) { hasher.combine(build.incidentPrints[position]) }
        }))
        return routes
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        guard let baseURL = build.site.config.baseURL else { return }
        let feeds = SiteFeeds(site: build.site, baseURL: baseURL)
        let bodyHTML = { (position: Int) throws -> String in try build.body(of: position).html }
        if route.item < 0 {
            try sink.write(Array(try feeds.jsonFeed(entries: SiteFeeds.entries(Array(build.site.incidents.indices), site: build.site),
                                                   bodyHTML: bodyHTML).utf8), to: route.path)
            return
        }
        let list = build.lists[route.item]
        try sink.write(Array(try feeds.atom(title: Self.title(list, build), listURL: list.folder.url, feedURL: list.folder.url + "feed.xml",
                                            entries: SiteFeeds.entries(list.members, site: build.site), bodyHTML: bodyHTML).utf8),
                       to: route.path)
    }

    static func title(_ list: IncidentList, _ build: BuildContext) -> String {
        let site = build.site, language = site.language, title = ("site", site.config.title)
        switch list.kind {
        case .index: return site.config.title
        case .tag(let index): return language.text("feed_tag", title, ("tag", site.tags[index].name))
        case .facetValue(let facet, let value):
            return language.text("feed_tag", title, ("tag", "\(language.label(site.facets[facet].field)) \(site.facets[facet].values[value].name)"))
        case .entity(let index):
            return language.text("feed_tag", title, ("tag", site.entities[index].list.name))
        }
    }
}
