import Foundation

/// Renders a `Site` through its templates into an `OutputSink`.
///
/// Every output file is one independent job (an incident page, one page of a list,
/// an asset), so jobs run in parallel and each page is written as soon as it is
/// rendered: the whole rendered site is never held in memory. Output does not depend
/// on the order in which jobs finish.
///
/// `@unchecked Sendable`: all stored values are immutable after `init`, and the
/// `[String: Any]` card values hold only strings, numbers, booleans, arrays and dictionaries.
public struct SiteRenderer: @unchecked Sendable {
    /// One file of the output.
    enum Job: Sendable {
        case incident(Int)
        case index(page: Int)
        case tagsOverview
        case tag(Int, page: Int)
        case standalonePage(Int)
        case asset(String)
        case staticFile(String)
        /// `incidents.json`, `incidents.csv` and the front-matter schema: downloads for researchers.
        case dataJSON, dataCSV, schema
        /// A facet's values, and one value's incidents.
        case facetOverview(Int)
        case facetValue(Int, value: Int, page: Int)
        /// The Atom feed of a list.
        case atomFeed(FeedList)
        case jsonFeed, sitemap, robots
        case notFound
        case statistics
        case filterIndex
        /// With search on: the search page and its script.
        case searchPage, searchScript
    }

    /// The lists that have an Atom feed.
    enum FeedList: Sendable {
        case site
        case tag(Int)
        case facetValue(Int, value: Int)
    }

    public let site: Site
    public let templates: TemplateSet
    /// Where bodies that were not kept and static files are read from.
    private let files: SiteFiles
    private let markdown: MarkdownRenderer
    private let context: PageContext
    /// Each incident's card, rendered once with a placeholder for `{{root}}` and reused
    /// by every list that shows it (an incident is on the index and on each of its tags'
    /// and facets' pages, at several depths); and its record in `incidents.json`.
    private let caches: RenderCaches
    /// The key of each incident in `caches`: its position, or a fingerprint of its
    /// content when the caches outlive one build.
    private let cardKeys: [Int]?
    /// Cannot occur in content: files with NUL bytes are refused when read.
    static let rootPlaceholder = "\u{0}root\u{0}"
    private let jobs: [Job]
    /// The output path of each job, computed once.
    private let paths: [String]

    /// Plans every output file of `site`; throws when outputs clash (see `conflicts`).
    /// `caches` and `cardKeys` let an incremental rebuild reuse rendered cards and data
    /// records: `cardKeys[i]` must change whenever anything incident `i` shows does.
    public init(site: Site, templates: TemplateSet, files: SiteFiles, caches: RenderCaches = RenderCaches(),
                cardKeys: [Int]? = nil) throws(BuildFailure) {
        self.site = site
        self.files = files
        self.caches = caches
        self.cardKeys = cardKeys
        self.templates = templates
        self.markdown = MarkdownRenderer(allowRawHTML: site.config.unsafeHTML)
        let context = PageContext(site: site)
        self.context = context
        self.feeds = site.config.baseURL.map { SiteFeeds(site: site, baseURL: $0) }
        // The data files are long single jobs: first, so they run beside the pages.
        var jobs: [Job] = [.dataJSON, .dataCSV, .schema]
        if feeds != nil {
            jobs += [.atomFeed(.site), .jsonFeed]
            jobs += site.tags.indices.map { Job.atomFeed(.tag($0)) }
            for (facet, values) in site.facets.enumerated() {
                jobs += values.values.indices.map { Job.atomFeed(.facetValue(facet, value: $0)) }
            }
        }
        jobs += site.incidents.indices.map(Job.incident)
        jobs += (1...Self.indexPagination(site).pageCount).map { Job.index(page: $0) }
        jobs.append(.tagsOverview)
        for (position, tag) in site.tags.enumerated() {
            jobs += (1...Self.tagPagination(tag, site).pageCount).map { Job.tag(position, page: $0) }
        }
        for (facetIndex, facet) in site.facets.enumerated() {
            jobs.append(.facetOverview(facetIndex))
            for (valueIndex, value) in facet.values.enumerated() {
                jobs += (1...Self.facetPagination(facet, value, site).pageCount).map { Job.facetValue(facetIndex, value: valueIndex, page: $0) }
            }
        }
        jobs += site.pages.indices.map(Job.standalonePage)
        jobs += templates.assets.keys.sorted().map(Job.asset)
        jobs.append(.notFound)
        jobs.append(.statistics)
        jobs.append(.filterIndex)
        if site.config.search { jobs += [.searchPage, .searchScript] }
        if feeds != nil { jobs += [.sitemap, .robots] }
        jobs += site.staticFiles.map(Job.staticFile)
        self.jobs = jobs
        self.paths = jobs.map { Self.outputPath($0, site: site) }
        let conflicts = Self.conflicts(jobs: jobs, paths: paths, site: site)
        guard conflicts.isEmpty else { throw BuildFailure(conflicts) }
    }

    /// Feeds, sitemap and robots.txt, when `base_url` is set.
    private let feeds: SiteFeeds?

    /// What a reader of the build's output should know: features left out and why.
    public var notes: [String] {
        feeds == nil ? ["feeds, sitemap.xml and robots.txt need base_url in site.yml; they were not written"] : []
    }

    /// An error for each output that clashes with another, found from the planned paths
    /// before anything is written, so `build`, `check` and `serve` all refuse the same:
    /// two files at one path (a `static/` file or a standalone page at the address of a
    /// generated page, such as `content/pages/status.md` against the status facet), and a
    /// file where a folder is needed (a file `static/tags` against the `tags/` pages).
    /// Each is reported at the source the editor can change.
    static func conflicts(jobs: [Job], paths: [String], site: Site) -> [Diagnostic] {
        /// Where the editor gave the path of a job's output; nil for a generated page.
        func origin(_ job: Job) -> (location: SourceLocation, name: String, hint: String)? {
            switch job {
            case .standalonePage(let index):
                let page = site.pages[index]
                return (page.slugLocation, page.sourcePath, "expected another file name (or a slug: key)")
            case .staticFile(let file):
                return (SourceLocation(file: "static/" + file, line: 1, column: 1), "static/" + file, "expected another file name")
            default:
                return nil
            }
        }
        var writers: [String: [Int]] = [:]
        for index in jobs.indices { writers[paths[index], default: []].append(index) }
        // Every folder the output needs, with one job that writes inside it.
        var folders: [String: Int] = [:]
        for index in jobs.indices {
            let path = paths[index]
            var slash = path.firstIndex(of: "/")
            while let end = slash {
                let folder = String(path[..<end])
                if folders[folder] == nil { folders[folder] = index }
                slash = path[path.index(after: end)...].firstIndex(of: "/")
            }
        }
        var conflicts: [Diagnostic] = []
        for index in jobs.indices {
            let path = paths[index]
            guard let mine = origin(jobs[index]) else { continue }
            if let others = writers[path], others.count > 1 {
                let rivals = others.filter { $0 != index }
                if let generated = rivals.first(where: { origin(jobs[$0]) == nil }) {
                    conflicts.append(Diagnostic(mine.location, "would overwrite the generated page \(paths[generated]), \(mine.hint)"))
                } else {
                    let names = rivals.compactMap { origin(jobs[$0])?.name }.sorted().joined(separator: ", ")
                    conflicts.append(Diagnostic(mine.location, "would write \(path), as \(names) does too; \(mine.hint)"))
                }
            }
            // This file stands where another output needs a folder.
            if let inside = folders[path] {
                conflicts.append(Diagnostic(mine.location, "is a file where the site needs the folder \(path)/ (for \(paths[inside])), \(mine.hint)"))
            }
            // This output needs a folder where a generated page is a file.
            var slash = path.firstIndex(of: "/")
            while let end = slash {
                let folder = String(path[..<end])
                if let blocking = writers[folder]?.first, origin(jobs[blocking]) == nil {
                    conflicts.append(Diagnostic(mine.location, "needs the folder \(folder)/, where the site writes the file \(folder); \(mine.hint)"))
                    break
                }
                slash = path[path.index(after: end)...].firstIndex(of: "/")
            }
        }
        return conflicts
    }

    /// Renders and writes every file. Returns the number of files written. With
    /// `parallel`, jobs run on all cores. With `only`, writes just the files at those
    /// output paths (an incremental rebuild).
    @discardableResult
    public func render(to sink: some OutputSink, parallel: Bool = true, only: Set<String>? = nil,
                       progress: BuildProgress? = nil) throws -> Int {
        let selected = only.map { wanted in jobs.indices.filter { wanted.contains(paths[$0]) } } ?? Array(jobs.indices)
        let failures = FirstError()
        progress?.begin("writing", total: selected.count)
        let run = { @Sendable (index: Int) in
            guard !failures.hasError else { return }
            defer { progress?.advance() }
            do {
                try self.perform(self.jobs[selected[index]], path: self.paths[selected[index]], sink: sink)
            } catch {
                failures.record(error)
            }
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: selected.count, execute: run)
        } else {
            selected.indices.forEach(run)
        }
        if let error = failures.error { throw error }
        return selected.count
    }

    /// What each incident's page and card depend on: its file, and the display names
    /// of its tags, which depend on other incidents' spellings.
    public static func incidentFingerprints(site: Site, source: (Incident) -> Int) -> [Int] {
        let tagNamePrints = site.tags.map { $0.name.hashValue }
        return site.incidents.indices.map { position -> Int in
            var hasher = Hasher()
            hasher.combine(source(site.incidents[position]))
            for number in site.tagsOfIncident[position] { hasher.combine(tagNamePrints[number]) }
            return hasher.finalize()
        }
    }

    /// A number per output file that changes whenever the file's content would:
    /// what an incremental rebuild compares to know which pages to write again.
    ///
    /// `incidentPrints` come from `incidentFingerprints`; everything else a page shows
    /// comes from the values hashed here. Site-wide inputs (settings, templates,
    /// standalone pages, static files) are not included: a change to them means a
    /// full rebuild.
    public func fingerprints(incidentPrints: [Int]) -> [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(jobs.count)
        let neighbours = IncidentNeighbours(site: site)
        // What a link to an incident shows, and what choosing related incidents reads:
        // a body edit changes none of it, so it rewrites no other incident's page.
        let linkPrints = site.incidents.indices.map { position -> Int in
            let incident = site.incidents[position]
            var hasher = Hasher()
            hasher.combine(incident.title)
            hasher.combine(incident.slug)
            hasher.combine(incident.sortDate.description)
            hasher.combine(incident.severity)
            hasher.combine(site.tagsOfIncident[position])
            return hasher.finalize()
        }
        for (job, path) in zip(jobs, paths) {
            var hasher = Hasher()
            switch job {
            case .incident(let index):
                hasher.combine(incidentPrints[index])
                // The page links its newer and older neighbours and its related incidents,
                // chosen among the candidates hashed here.
                hasher.combine(index > 0 ? linkPrints[index - 1] : 0)
                hasher.combine(index + 1 < linkPrints.count ? linkPrints[index + 1] : 0)
                neighbours.forEachCandidate(of: index) { hasher.combine(linkPrints[$0]) }
            case .index(let page):
                let pagination = Self.indexPagination(site)
                hasher.combine(page)
                hasher.combine(pagination.pageCount)
                hasher.combine(site.incidents.count)
                for position in pagination.itemRange(page: page) { hasher.combine(incidentPrints[position]) }
            case .tagsOverview:
                for tag in site.tags {
                    hasher.combine(tag.slug)
                    hasher.combine(tag.name)
                    hasher.combine(tag.count)
                }
            case .tag(let tagIndex, let page):
                let tag = site.tags[tagIndex]
                Self.hashListPage(tag, Self.tagPagination(tag, site), page: page, incidentPrints: incidentPrints, into: &hasher)
            case .standalonePage(let index):
                hasher.combine(site.pages[index].title)
                hasher.combine(site.pages[index].body)
            case .asset(let path):
                hasher.combine(templates.assets[path])
            case .staticFile(let path):
                hasher.combine(path)
            case .dataJSON, .dataCSV, .sitemap, .statistics, .filterIndex:
                hasher.combine(site.incidents.count)
                incidentPrints.forEach { hasher.combine($0) }
            case .schema, .robots, .notFound, .searchPage, .searchScript:
                // Depend on settings and templates only, which rebuild everything.
                hasher.combine(0)
            case .facetOverview(let facetIndex):
                for value in site.facets[facetIndex].values {
                    hasher.combine(value.name)
                    hasher.combine(value.slug)
                    hasher.combine(value.count)
                }
            case .facetValue(let facetIndex, let valueIndex, let page):
                let facet = site.facets[facetIndex], value = facet.values[valueIndex]
                Self.hashListPage(value, Self.facetPagination(facet, value, site), page: page, incidentPrints: incidentPrints, into: &hasher)
            case .atomFeed(let list):
                let (title, _, members) = feedList(list)
                hasher.combine(title)
                for position in SiteFeeds.entries(members, site: site) { hasher.combine(incidentPrints[position]) }
            case .jsonFeed:
                for position in SiteFeeds.entries(Array(site.incidents.indices), site: site) { hasher.combine(incidentPrints[position]) }
            }
            result[path] = hasher.finalize()
        }
        return result
    }

    /// What one page of a tag's or facet value's list shows.
    private static func hashListPage(_ list: Tag, _ pagination: Pagination, page: Int, incidentPrints: [Int], into hasher: inout Hasher) {
        hasher.combine(list.name)
        hasher.combine(page)
        hasher.combine(pagination.pageCount)
        hasher.combine(list.count)
        for position in pagination.itemRange(page: page) { hasher.combine(incidentPrints[list.incidentIndices[position]]) }
    }

    // MARK: Jobs

    private static func outputPath(_ job: Job, site: Site) -> String {
        switch job {
        case .incident(let index): return "incidents/\(site.incidents[index].slug)/index.html"
        case .index(let page): return indexPagination(site).outputPath(page: page)
        case .tagsOverview: return "tags/index.html"
        case .tag(let index, let page): return tagPagination(site.tags[index], site).outputPath(page: page)
        case .standalonePage(let index): return "\(site.pages[index].slug)/index.html"
        case .asset(let path): return path
        case .staticFile(let path): return path
        case .dataJSON: return "incidents.json"
        case .dataCSV: return "incidents.csv"
        case .schema: return IncidentSchema.outputPath
        case .facetOverview(let index): return "\(site.facets[index].field.folder)/index.html"
        case .facetValue(let index, let value, let page):
            let facet = site.facets[index]
            return facetPagination(facet, facet.values[value], site).outputPath(page: page)
        case .atomFeed(.site): return "feed.xml"
        case .atomFeed(.tag(let index)): return "tags/\(site.tags[index].slug)/feed.xml"
        case .atomFeed(.facetValue(let index, let value)):
            return "\(site.facets[index].field.folder)/\(site.facets[index].values[value].slug)/feed.xml"
        case .jsonFeed: return "feed.json"
        case .sitemap: return "sitemap.xml"
        case .robots: return "robots.txt"
        case .notFound: return "404.html"
        case .statistics: return "stats/index.html"
        case .filterIndex: return FilterIndex.outputPath
        case .searchPage: return "search/index.html"
        case .searchScript: return "assets/search.js"
        }
    }

    private func perform(_ job: Job, path: String, sink: some OutputSink) throws {
        let root = PageContext.root(forOutputPath: path)
        switch job {
        case .incident(let index):
            let incident = site.incidents[index]
            var values = context.base(outputPath: path, description: incident.summary)
            values["incident"] = context.detail(index, bodyHTML: markdown.render(try markdown(of: incident)), root: root)
            try sink.write(templates.render("incident", values), to: path)

        case .index(let page):
            let pagination = Self.indexPagination(site)
            var values = context.base(outputPath: path, description: nil)
            values["incidents"] = pagination.itemRange(page: page).map { listItem($0, root: root) }
            values["pagination"] = pagination.values(page: page)
            values["count"] = site.incidents.count
            values["count_text"] = PageContext.count(site.incidents.count, "incident")
            try sink.write(templates.render("index", values), to: path)

        case .tagsOverview:
            var values = context.base(outputPath: path, description: "All tags of \(site.config.title), with their number of incidents.")
            values["tags"] = site.tags.map { PageContext.countedLink($0, url: PageContext.tagURL($0.slug)) }
            values["count"] = site.tags.count
            values["count_text"] = PageContext.count(site.tags.count, "tag")
            try sink.write(templates.render("tags", values), to: path)

        case .tag(let tagIndex, let page):
            let tag = site.tags[tagIndex]
            let pagination = Self.tagPagination(tag, site)
            var values = context.base(outputPath: path, description: "Incidents tagged \(tag.name) in \(site.config.title).")
            values["tag"] = PageContext.countedLink(tag, url: PageContext.tagURL(tag.slug))
            values["incidents"] = pagination.itemRange(page: page).map { listItem(tag.incidentIndices[$0], root: root) }
            values["pagination"] = pagination.values(page: page)
            values["count"] = tag.count
            values["count_text"] = PageContext.count(tag.count, "incident")
            try sink.write(templates.render("tag", values), to: path)

        case .standalonePage(let index):
            let page = site.pages[index]
            var values = context.base(outputPath: path, description: page.summary)
            values["page"] = ["title": page.title, "slug": page.slug, "body": markdown.render(page.body)] as [String: Any]
            try sink.write(templates.render("page", values), to: path)

        case .asset(let assetPath):
            try sink.write(templates.assets[assetPath] ?? "", to: path)

        case .staticFile(let relativePath):
            try sink.copy("static/" + relativePath, from: files, to: path)

        case .dataJSON:
            try sink.write(to: path) { emit in
                let header: [(String, JSONValue)] = [
                    ("title", .string(site.config.title)),
                    ("base_url", .optional(site.config.baseURL)),
                    ("count", .int(site.incidents.count)),
                ]
                var opening = Array(JSONValue.object(header).text().utf8)
                opening.removeLast()
                try emit(opening + Array(#","incidents":["#.utf8) + [UInt8(ascii: "\n")])
                // Records are rendered in parallel a chunk at a time, so the whole file
                // is never in memory; each is kept for the next incremental rebuild.
                let chunk = 256
                for start in stride(from: 0, to: site.incidents.count, by: chunk) {
                    let positions = Array(start..<min(start + chunk, site.incidents.count))
                    let records = try SiteLoader.parallelMap(positions) { position in
                        Result { try dataRecord(position) }
                    }
                    for (position, record) in zip(positions, records) {
                        try emit(try record.get())
                        try emit(position == site.incidents.count - 1 ? Self.lastRecordEnd : Self.recordSeparator)
                    }
                }
                try emit(Array("]}\n".utf8))
            }

        case .dataCSV:
            try sink.write(to: path) { emit in
                try emit(Array(CSV.line(IncidentRecord.csvColumns).utf8))
                for position in site.incidents.indices {
                    try emit(cached(caches.rows, position) { Array(CSV.line(record(position).csvRow(url: incidentAddress(position))).utf8) })
                }
            }

        case .schema:
            try sink.write(IncidentSchema.text, to: path)

        case .atomFeed(let list):
            guard let feeds else { return }
            let (title, listURL, members) = feedList(list)
            try sink.write(try feeds.atom(title: title, listURL: listURL, feedURL: listURL + "feed.xml",
                                          entries: SiteFeeds.entries(members, site: site), bodyHTML: bodyHTML), to: path)

        case .facetOverview(let facetIndex):
            let facet = site.facets[facetIndex]
            var values = context.base(outputPath: path, description: "Incidents of \(site.config.title) by \(facet.field.label.lowercased()).")
            values["facet"] = context.facetLink(facet)
            values["values"] = facet.values.map { PageContext.countedLink($0, url: PageContext.facetValueURL(facet, $0)) }
            values["count_text"] = PageContext.count(facet.values.count, "value")
            try sink.write(templates.render("facet", values), to: path)

        case .facetValue(let facetIndex, let valueIndex, let page):
            let facet = site.facets[facetIndex], value = facet.values[valueIndex]
            let pagination = Self.facetPagination(facet, value, site)
            var values = context.base(outputPath: path,
                                      description: "Incidents with \(facet.field.label.lowercased()) \(value.name) in \(site.config.title).")
            values["facet"] = context.facetLink(facet)
            values["value"] = PageContext.countedLink(value, url: PageContext.facetValueURL(facet, value))
            values["incidents"] = pagination.itemRange(page: page).map { listItem(value.incidentIndices[$0], root: root) }
            values["pagination"] = pagination.values(page: page)
            values["count"] = value.count
            values["count_text"] = PageContext.count(value.count, "incident")
            try sink.write(templates.render("facet-value", values), to: path)

        case .jsonFeed:
            guard let feeds else { return }
            try sink.write(try feeds.jsonFeed(entries: SiteFeeds.entries(Array(site.incidents.indices), site: site),
                                              bodyHTML: bodyHTML), to: path)

        case .sitemap:
            guard let feeds else { return }
            try sink.write(feeds.sitemap(pagePaths: paths.filter { $0.hasSuffix("index.html") }), to: path)

        case .robots:
            guard let feeds else { return }
            try sink.write(feeds.robots, to: path)

        case .searchPage:
            var values = context.base(outputPath: path, description: "Search the incidents of \(site.config.title).")
            values["count_text"] = PageContext.count(site.incidents.count, "incident")
            try sink.write(templates.render("search", values), to: path)

        case .searchScript:
            try sink.write(BuiltinTheme.searchScript, to: path)

        case .filterIndex:
            let bytes = FilterIndex.json(site: site)
            try sink.write(to: path) { emit in try emit(bytes) }

        case .statistics:
            var values = context.base(outputPath: path, description: "Statistics of \(site.config.title): incidents per year and severity, tags, categories, industries.")
            values["charts"] = StatisticsCharts(site: site).charts.map(\.values)
            values["count_text"] = PageContext.count(site.incidents.count, "incident")
            try sink.write(templates.render("stats", values), to: path)

        case .notFound:
            // Served at any depth, so links start from the site's own path, not a relative root.
            var values = context.base(outputPath: path, description: nil)
            values["root"] = site.config.baseURL.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
            try sink.write(templates.render("404", values), to: path)
        }
    }

    /// A feed's title, its list's URL and the incidents in the list.
    private func feedList(_ list: FeedList) -> (title: String, listURL: String, members: [Int]) {
        switch list {
        case .site:
            return (site.config.title, "", Array(site.incidents.indices))
        case .tag(let index):
            let tag = site.tags[index]
            return ("\(site.config.title): \(tag.name)", PageContext.tagURL(tag.slug), tag.incidentIndices)
        case .facetValue(let index, let valueIndex):
            let facet = site.facets[index], value = facet.values[valueIndex]
            return ("\(site.config.title): \(facet.field.label) \(value.name)", PageContext.facetValueURL(facet, value), value.incidentIndices)
        }
    }

    /// Incident `position` as a JSON object in `incidents.json`.
    private func dataRecord(_ position: Int) throws -> [UInt8] {
        try cached(caches.records, position) {
            let source = try markdown(of: site.incidents[position])
            var bytes: [UInt8] = []
            record(position).json(url: incidentAddress(position), bodyMarkdown: source, bodyHTML: markdown.render(source))
                .write(to: &bytes, indent: 0, level: 0)
            return bytes
        }
    }

    private static let recordSeparator = Array(",\n".utf8), lastRecordEnd = Array("\n".utf8)

    /// A data file's part for incident `position`, kept for the next build only by incremental builds.
    private func cached(_ cache: RenderCache<[UInt8]>, _ position: Int, render: () throws -> [UInt8]) rethrows -> [UInt8] {
        guard caches.keepsRecords else { return try render() }
        return try cache.value(key: cardKeys?[position] ?? position, render: render)
    }

    private func record(_ position: Int) -> IncidentRecord {
        IncidentRecord(incident: site.incidents[position], tagNames: site.tagNames(of: position))
    }

    /// An incident page's address in the data files: absolute with `base_url`, else site-relative.
    private func incidentAddress(_ position: Int) -> String {
        (site.config.baseURL ?? "") + PageContext.incidentURL(site.incidents[position].slug)
    }

    private func bodyHTML(_ position: Int) throws -> String {
        markdown.render(try markdown(of: site.incidents[position]))
    }

    /// A card's values plus `html`, the card rendered through `incident-card` for this page's depth.
    private func listItem(_ incident: Int, root: String) -> [String: Any] {
        // Card values are built here each time rather than kept: on a 10,000-incident
        // site they weighed more than the corpus's Markdown, and one costs microseconds.
        var item = context.card(incident)
        let card = caches.cards.value(key: cardKeys?[incident] ?? incident) {
            var values = item
            values["root"] = Self.rootPlaceholder
            return templates.render("incident-card", values)
        }
        item["html"] = ByteReplacement.replacingAll(Self.rootPlaceholder, with: root, in: card)
        return item
    }

    /// The Markdown of an incident, read from its file again when it was not kept.
    private func markdown(of incident: Incident) throws -> String {
        switch incident.body {
        case .inline(let text):
            return text
        case .file(let path):
            return try FrontMatterDocument.split(try files.readText(path).get(), path: path).body
        }
    }

    private static func indexPagination(_ site: Site) -> Pagination {
        pagination(folder: "", count: site.incidents.count, site: site)
    }

    private static func tagPagination(_ tag: Tag, _ site: Site) -> Pagination {
        pagination(folder: "tags/\(tag.slug)/", count: tag.count, site: site)
    }

    private static func facetPagination(_ facet: Facet, _ value: Tag, _ site: Site) -> Pagination {
        pagination(folder: "\(facet.field.folder)/\(value.slug)/", count: value.count, site: site)
    }

    /// `folder` is the list's folder in the output ("" or "tags/<slug>/"); its URL is the same path, percent-encoded.
    private static func pagination(folder: String, count: Int, site: Site) -> Pagination {
        let url = folder.split(separator: "/").map { Slug.urlEncoded(String($0)) + "/" }.joined()
        return Pagination(outputFolder: folder, listURL: url, itemCount: count, perPage: site.config.perPage)
    }
}

/// Keeps the first error thrown by parallel jobs, so the others can stop early.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var hasError: Bool { lock.withLock { stored != nil } }
    var error: Error? { lock.withLock { stored } }
    func record(_ error: Error) { lock.withLock { if stored == nil { stored = error } } }
}
