/// One kind of output file (incident pages, list pages, feeds, data files, …): it plans
/// its files from the site model and renders each. Adding a kind of output is one new
/// producer (and its template), listed in `RouteTable.producers`.
protocol OutputProducer: Sendable {
    /// This kind's files. `planned` holds the routes of the producers listed before
    /// this one (the sitemap lists the pages).
    func plan(_ build: BuildContext, planned: [Route]) -> [Route]
    /// Writes the file of `route` into `sink`.
    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws
    /// Whether its pages belong in `sitemap.xml` (redirects and tombstones do not).
    var listsInSitemap: Bool { get }
    /// Whether each language of the site has its own files of this kind, under its
    /// folder (`fr/tags/…`), or the site has them once (theme assets, static files,
    /// the sitemap): then only the default language's context plans them.
    var isPerLanguage: Bool { get }
}

extension OutputProducer {
    var listsInSitemap: Bool { true }
    var isPerLanguage: Bool { true }
}

extension OutputProducer {
    /// A route of this producer; `producer` is filled in by the table.
    func route(_ path: String, item: Int = 0, part: Int = 0, origin: Route.Origin? = nil, fingerprint: Int) -> Route {
        Route(path: path, producer: -1, item: item, part: part, origin: origin, fingerprint: fingerprint)
    }
}

/// Every file of a build, planned once from the site model, before anything is
/// written: what `build` writes, what `serve` holds, what `check` checks links
/// against, and what an incremental build compares.
struct RouteTable: Sendable {
    /// Every kind of output, in the order planned and started (long data files first,
    /// so they run beside the pages).
    static let producers: [any OutputProducer] = [
        DataFiles(), Feeds(), IncidentPages(), IncidentData(), TombstonePages(), Redirects(), ListPages(), Overviews(), StandalonePages(),
        StatisticsPage(), SearchPage(), NotFoundPage(), ThemeAssets(), StaticFiles(), SearchEngineFiles(),
    ]

    private(set) var routes: [Route] = []
    /// The context of each language, the default first: a route renders with
    /// `builds[route.language]`.
    let builds: [BuildContext]
    /// Whether it planned exactly the paths of the `previous` table it was given: then
    /// it has no conflicts that one had not, and that one's translations of pages hold.
    let hasPreviousPaths: Bool

    /// Whether `route` (of a planned table) is a page of `sitemap.xml`.
    static func isSitemapPage(_ route: Route) -> Bool {
        listsInSitemap[route.producer] && route.path.hasSuffix("index.html")
    }

    /// `listsInSitemap` of each producer, read once (a call through the existential
    /// for each of 36,000 routes showed in `serve`'s time after an edit).
    private static let listsInSitemap = producers.map(\.listsInSitemap)

    /// The producer of tombstone pages, which have translations though not in the sitemap.
    static let tombstonePages = producers.firstIndex { $0 is TombstonePages }!

    /// Plans every producer for every language (each language's routes under its
    /// folder), then tells each context the table's pages and their translations:
    /// `previous`'s when it was planned with the same paths (an edit that moved
    /// nothing), else found anew.
    init(_ builds: [BuildContext], previous: (paths: [String], translations: PageTranslations)? = nil) {
        self.builds = builds
        for build in builds { build.meet(builds) }
        routes.reserveCapacity(builds.reduce(0) { $0 + 4 * $1.site.incidents.count } + 64)
        for (index, producer) in Self.producers.enumerated() {
            for build in producer.isPerLanguage ? builds : [builds[0]] {
                let prefix = build.site.language.prefix
                for var route in producer.plan(build, planned: routes) {
                    route.producer = index
                    route.language = build.site.language.position
                    if !prefix.isEmpty { route.path = prefix + route.path }
                    routes.append(route)
                }
            }
        }
        let planned = routes
        hasPreviousPaths = previous.map { previous in
            previous.paths.count == planned.count && zip(previous.paths, planned).allSatisfy { $0 == $1.path }
        } ?? false
        let translations = hasPreviousPaths ? previous!.translations : PageTranslations(self)
        // A page whose languages change is another page: its switcher and links differ.
        for index in translations.translatedRoutes {
            guard let print = translations.print(of: routes[index]) else { continue }
            routes[index].fingerprint = [routes[index].fingerprint, print].hashValue
        }
        for build in builds { build.adopt(self, translations: translations) }
    }

    /// Renders and writes `route`.
    func render(_ route: Route, to sink: any OutputSink) throws {
        try Self.producers[route.producer].render(route, builds[route.language], to: sink)
    }

    /// An error for each output that clashes with another, reported at the source the
    /// editor can change: two files at one path (a `static/` file or a standalone page
    /// at the address of a generated page, such as `content/pages/status.md` against
    /// the status facet), and a file where a folder is needed (a file `static/tags`
    /// against the `tags/` pages). `build`, `check` and `serve` all refuse these.
    var conflicts: [Diagnostic] {
        var writers: [String: [Int]] = [:]
        for index in routes.indices { writers[routes[index].path, default: []].append(index) }
        // Every folder the output needs, with one route that writes inside it.
        var folders: [String: Int] = [:]
        for index in routes.indices {
            let path = routes[index].path
            var slash = path.firstIndex(of: "/")
            while let end = slash {
                let folder = String(path[..<end])
                if folders[folder] == nil { folders[folder] = index }
                slash = path[path.index(after: end)...].firstIndex(of: "/")
            }
        }
        var conflicts: [Diagnostic] = []
        for index in routes.indices {
            let path = routes[index].path
            guard let mine = routes[index].origin else { continue }
            if let others = writers[path], others.count > 1 {
                let rivals = others.filter { $0 != index }
                if let generated = rivals.first(where: { routes[$0].origin == nil }) {
                    conflicts.append(Diagnostic(mine.location, "would overwrite the generated page \(routes[generated].path), \(mine.hint)"))
                } else {
                    let names = rivals.compactMap { routes[$0].origin?.name }.sorted().joined(separator: ", ")
                    conflicts.append(Diagnostic(mine.location, "would write \(path), as \(names) does too; \(mine.hint)"))
                }
            }
            // This file stands where another output needs a folder.
            if let inside = writers[path + "/index.html"]?.first ?? folders[path] {
                conflicts.append(Diagnostic(mine.location, "is a file where the site needs the folder \(path)/ (for \(routes[inside].path)), \(mine.hint)"))
            }
            // This output needs a folder where a generated page is a file.
            var slash = path.firstIndex(of: "/")
            while let end = slash {
                let folder = String(path[..<end])
                if let blocking = writers[folder]?.first, routes[blocking].origin == nil {
                    conflicts.append(Diagnostic(mine.location, "needs the folder \(folder)/, where the site writes the file \(folder); \(mine.hint)"))
                    break
                }
                slash = path[path.index(after: end)...].firstIndex(of: "/")
            }
        }
        return conflicts
    }
}
