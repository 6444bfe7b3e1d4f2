import Foundation
internal import CPlatform

/// The one pipeline every command runs: load → parse → model → plan → render →
/// publish. `build` runs it once into a folder, `serve` keeps it and runs it again on
/// every change into memory, `check` stops after planning; every rule is applied in
/// the stage it belongs to, once, so the three cannot disagree.
///
/// Kept between runs (as `serve` does), it remembers what it parsed and what it wrote,
/// and a run after an edit parses only the files that changed and writes only the
/// files whose fingerprint changed. The result is always the same bytes as a run from
/// nothing. Not for use from several threads at once.
public final class Pipeline: @unchecked Sendable {
    public struct Options: Sendable {
        public var sourcePath: String
        public var includeDrafts: Bool
        /// Full-text search even when `site.yml` does not ask for it.
        public var search: Bool
        /// Render on all cores; off only for tests that compare with a sequential build.
        public var parallel: Bool
        /// Told how far reading and writing have got, for a progress line.
        public var progress: BuildProgress?
        /// Keep each incident's rendered parts of the data files for the next run, as
        /// `serve` does (a single build would only hold them in memory for nothing).
        public var keepsRenderedParts: Bool

        public init(sourcePath: String = ".", includeDrafts: Bool = false, search: Bool = false, parallel: Bool = true,
                    progress: BuildProgress? = nil, keepsRenderedParts: Bool = false) {
            self.sourcePath = sourcePath
            self.includeDrafts = includeDrafts
            self.search = search
            self.parallel = parallel
            self.progress = progress
            self.keepsRenderedParts = keepsRenderedParts
        }
    }

    /// What the stages up to the plan found: the planned build, or the errors that
    /// stop it; and the warnings `check` reports either way.
    public struct Analysis: Sendable {
        public var errors: [Diagnostic]
        public var warnings: [Diagnostic]
        /// Things left out of the output and why (feeds without `base_url`).
        public var notes: [String]
        public var incidentCount: Int
        public var tagCount: Int
        public var fileCount: Int { table?.routes.count ?? 0 }
        var build: BuildContext?
        var table: RouteTable?
        /// The links of the incidents' bodies, for `check`.
        var links: [LocatedLink]
    }

    /// What one run wrote.
    public struct Report: Sendable, Equatable {
        public var written: [String]
        public var removed: [String]
        public var incidents: Int
        public var tags: Int
    }

    public let options: Options
    public private(set) var files: SiteFiles?
    /// How long each stage of the last `analyse` and `publish` took.
    public private(set) var times = StageTimes()
    private var siteWide: SiteWide?
    /// Each incident file's outcome, by site-relative path.
    private(set) var parsed: [String: ParsedFile] = [:]
    private var bodies = BodyStore()
    /// Each incident file's last commit date, read once per full run (commits do not
    /// happen between a save and its rebuild often enough to ask git on every change).
    private var commitDates: [String: String]?
    /// The last model that planned without errors, for edits that move nothing.
    private var lastModel: LastModel?
    private var caches: RenderCaches
    /// The path and fingerprint of every file the last run published.
    private var published = PublishedRoutes()

    public init(_ options: Options) {
        self.options = options
        caches = RenderCaches(keepingRecords: options.keepsRenderedParts)
    }

    // MARK: Load, parse, model, plan

    /// Runs the stages up to the plan. `changes` are the site-relative paths created,
    /// edited or deleted since the last run; nil means everything.
    public func analyse(changes: [String]? = nil) -> Analysis {
        times = StageTimes()
        let listing: SiteFiles
        do {
            // After a watcher's changes, only the changed paths are looked at again.
            if let changes, let updated = files?.updated(after: changes) {
                listing = updated
            } else {
                listing = try SiteFiles(rootPath: options.sourcePath)
            }
        } catch {
            return Analysis(errors: error.diagnostics, warnings: [], notes: [], incidentCount: 0, tagCount: 0, links: [])
        }
        let previous = files
        files = listing
        if changes == nil || commitDates == nil { commitDates = GitHistory.lastCommitDates(siteRoot: listing.rootPath) }
        let dates = commitDates ?? [:]
        times.end("load")

        // Settings, standalone pages and templates: parsed again when any of them changed.
        let siteWideChanged = changes == nil || siteWide == nil || previous.map { !SiteWide.sameFiles(listing, $0) } ?? true
            || changes!.contains { SiteWide.isSiteWide($0) }
        if siteWideChanged {
            let fresh = SiteWide(files: listing)
            // Bodies depend on one setting only: whether raw HTML is let through.
            if fresh.config.unsafeHTML != siteWide?.config.unsafeHTML { parsed = [:]; bodies = BodyStore() }
            // Values are checked against the vocabularies as files are parsed.
            if fresh.vocabularies != siteWide?.vocabularies { parsed = [:] }
            siteWide = fresh
        }
        guard let siteWide else { preconditionFailure("site-wide files are parsed above") }

        // Incidents: the changed and the new ones parsed, the deleted ones forgotten.
        if changes == nil {
            parsed = [:]
            bodies = BodyStore()
        }
        let toParse: [String]
        if let changes, let previous, previous.incidentFiles == listing.incidentFiles, parsed.count == listing.incidentFiles.count {
            // The same files as last time (the usual case for an edit): only the changed ones.
            let changed = Set(changes)
            toParse = listing.incidentFiles.filter { changed.contains($0) }
        } else {
            let listed = Set(listing.incidentFiles)
            parsed = parsed.filter { listed.contains($0.key) }
            let changed = Set(changes ?? [])
            toParse = listing.incidentFiles.filter { parsed[$0] == nil || changed.contains($0) }
        }
        let markdown = MarkdownRenderer(allowRawHTML: siteWide.config.unsafeHTML)
        let (files, bodies, progress, vocabularies) = (listing, self.bodies, options.progress, siteWide.vocabularies)
        progress?.begin("reading", total: toParse.count)
        let results = Parallel.map(toParse) { path in
            defer { progress?.advance() }
            return ParsedFile(path: path, files: files, markdown: markdown, bodies: bodies, vocabularies: vocabularies)
        }
        for (path, result) in zip(toParse, results) { parsed[path] = result }
        // Parsing thousands of files frees far more (YAML events, file text) than it
        // keeps, scattered between what it keeps; the pages freed go back to the system.
        if toParse.count >= 1000 { incidents_release_free_memory() }
        times.end("parse")

        // Model: the last one updated in place when the edits move nothing, or made anew.
        var errors = listing.diagnostics + siteWide.errors
        var warnings = siteWide.warnings
        var links: [LocatedLink] = []
        for path in listing.incidentFiles {
            guard let file = parsed[path] else { continue }
            warnings += file.warnings
            if case .failure(let failure) = file.result { errors += failure.diagnostics }
            if options.includeDrafts || !file.isDraft { links += file.links }
        }
        let reusable = siteWideChanged ? nil : lastModel.flatMap { $0.incidentFiles == listing.incidentFiles ? $0 : nil }
        let inPlace = changes == nil ? nil : reusable.flatMap { inPlaceEdits(of: toParse, in: $0) }
        let site: Site
        var unusedValues: [Diagnostic] = []
        if let reusable, let inPlace {
            var updated = reusable.site
            for (position, incident) in inPlace {
                updated.incidents[position] = incident
                updated.incidents[position].modified = dates[incident.sourcePath]
            }
            updated.staticFiles = listing.staticFiles
            site = updated
        } else {
            var incidents: [Incident] = [], tombstones: [Incident] = []
            incidents.reserveCapacity(listing.incidentFiles.count)
            for path in listing.incidentFiles {
                guard let file = parsed[path], options.includeDrafts || !file.isDraft, case .success(var incident) = file.result else { continue }
                incident.modified = dates[path]
                if incident.isTombstone { tombstones.append(incident) } else { incidents.append(incident) }
            }
            let slugOf = { (incident: Incident) in (incident.slug, incident.sourcePath, incident.slugLocation) }
            errors += Self.duplicateSlugs(incidents.map(slugOf) + tombstones.map(slugOf), what: "incident")
            errors += DatabaseRules.problems(incidents: incidents, tombstones: tombstones)
            var config = siteWide.config
            if options.search { config.search = true }
            let pages = options.includeDrafts ? siteWide.pages : siteWide.pages.filter { !$0.draft }
            site = Site(config: config, incidents: incidents, tombstones: tombstones, pages: pages, staticFiles: listing.staticFiles,
                        profiles: siteWide.profiles, vocabularies: siteWide.vocabularies)
            unusedValues = Self.unusedVocabularyValues(site)
        }
        var analysis = Analysis(errors: [], warnings: warnings + unusedValues, notes: [], incidentCount: site.incidents.count,
                                tagCount: site.tags.count, links: links)
        if site.config.baseURL == nil { analysis.notes.append("feeds, sitemap.xml and robots.txt need base_url in site.yml; they were not written") }
        times.end("model")

        // Plan.
        lastModel = nil
        if let templates = siteWide.templates {
            let build: BuildContext
            if let reusable, let inPlace {
                build = BuildContext(site: site, templates: templates, files: listing, bodies: self.bodies, caches: caches,
                                     reusing: reusable.build, changed: inPlace.map(\.position))
            } else {
                build = BuildContext(site: site, templates: templates, files: listing, bodies: self.bodies, caches: caches)
            }
            let table = RouteTable(build)
            build.adopt(table)
            // Conflicts depend on the paths alone: the same paths as a plan without any, none.
            let paths = table.routes.map(\.path)
            if reusable?.routePaths != paths { errors += table.conflicts }
            analysis.build = build
            analysis.table = table
            if errors.isEmpty {
                lastModel = LastModel(site: site, build: build, incidentFiles: listing.incidentFiles, routePaths: paths)
            }
        }
        analysis.errors = errors.sorted()
        times.end("plan")
        return analysis
    }

    /// Lets go of each file's parse outcome, for a pipeline run once (`build`): after
    /// planning, the model holds the incidents, and the outcomes were a second copy of
    /// each (50 MB at 100,000 incidents). A later run parses every file again.
    public func forgetParsedFiles() {
        parsed = [:]
        lastModel = nil
    }

    // MARK: Render, publish

    /// Renders and writes the planned files into `sink`: all of them on the first run
    /// (or with `everything`), afterwards those whose fingerprint changed; and removes
    /// the files of the last run that are planned no more.
    public func publish(_ analysis: Analysis, to sink: some OutputSink, everything: Bool = false) throws -> Report {
        guard analysis.errors.isEmpty, let build = analysis.build, let table = analysis.table else {
            throw BuildFailure(analysis.errors)
        }
        times.restart()
        let (selected, removed) = everything || published.isEmpty ? (Array(table.routes.indices), []) : published.difference(to: table)

        let failures = FirstError()
        let progress = options.progress
        progress?.begin("writing", total: selected.count)
        let run = { @Sendable (index: Int) in
            guard !failures.hasError else { return }
            defer { progress?.advance() }
            do {
                try table.render(table.routes[selected[index]], build, to: sink)
            } catch {
                failures.record(error)
            }
        }
        if options.parallel {
            DispatchQueue.concurrentPerform(iterations: selected.count, execute: run)
        } else {
            selected.indices.forEach(run)
        }
        if let error = failures.error { throw error }
        for path in removed { try sink.remove(path) }
        times.end("render")
        published.record(table)
        // Cached cards and records of incidents that changed or went are not needed again.
        caches.keepOnly(Set(build.incidentPrints))
        return Report(written: selected.map { table.routes[$0].path }.sorted(), removed: removed,
                      incidents: analysis.incidentCount, tags: analysis.tagCount)
    }

    /// The planned site, rendered on demand (what `serve` shows): files whose
    /// fingerprint is unchanged since `previous` are carried over from it. The report
    /// lists the files that changed, as if they had been written.
    public func publishOnDemand(_ analysis: Analysis, carrying previous: OnDemandSite?) throws -> (OnDemandSite, Report) {
        guard analysis.errors.isEmpty, let build = analysis.build, let table = analysis.table else {
            throw BuildFailure(analysis.errors)
        }
        times.restart()
        let (changed, removed) = published.difference(to: table)
        published.record(table)
        let site = OnDemandSite(build: build, table: table, routeByPath: published.index, carrying: previous)
        caches.keepOnly(Set(build.incidentPrints))
        times.end("publish")
        return (site, Report(written: changed.map { table.routes[$0].path }.sorted(), removed: removed,
                             incidents: analysis.incidentCount, tags: analysis.tagCount))
    }

    /// Every stage into `sink` (the changed files only, after a first run); throws the
    /// errors that stop it, and then writes nothing.
    @discardableResult
    public func run(changes: [String]? = nil, into sink: some OutputSink) throws -> Report {
        try publish(analyse(changes: changes), to: sink)
    }

    // MARK: Rules across files

    /// What `check` says about each vocabulary value no published incident uses.
    static func unusedVocabularyValues(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for field in site.vocabularies.keys.sorted() {
            guard let vocabulary = site.vocabularies[field] else { continue }
            var used = Set<String>()
            if field == "tags" {
                for tag in site.tags { used.insert(tag.slug) }
            } else if let known = IncidentField.named(field) {
                // Severity's text is its label, whose slug is the level ("High" → high).
                for incident in site.incidents { if let text = known.text(of: incident) { used.insert(Slug.forTag(text)) } }
            }
            for entry in vocabulary.entries where !used.contains(Slug.forTag(entry.value)) {
                diagnostics.append(Diagnostic(entry.location, key: "value", "\(FrontMatterReader.quote(entry.value)) is used by no incident; remove it or keep it for later", severity: .warning))
            }
        }
        return diagnostics
    }

    /// Two files that would write the same page: both are named, each at its slug.
    /// Slugs that differ only in Unicode normalisation are the same (Swift compares
    /// strings by canonical equivalence), and would be the same address to a reader.
    static func duplicateSlugs(_ entries: [(slug: String, path: String, location: SourceLocation)], what: String) -> [Diagnostic] {
        var seen = Set<String>(minimumCapacity: entries.count)
        guard entries.contains(where: { !seen.insert($0.slug).inserted }) else { return [] }
        var diagnostics: [Diagnostic] = []
        for (slug, group) in Dictionary(grouping: entries, by: \.slug) where group.count > 1 {
            for entry in group {
                // Paths compared by bytes: two names equal as Swift strings are still two files.
                let others = group.map(\.path).filter { !$0.utf8.elementsEqual(entry.path.utf8) }.sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(entry.location, key: "slug",
                                              "\"\(slug)\" is also the slug of \(others), expected each \(what) to have its own slug"))
            }
        }
        return diagnostics
    }
}

/// Keeps the first error thrown by parallel jobs, so the others can stop early.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var hasError: Bool { lock.withLock { stored != nil } }
    var error: Error? { lock.withLock { stored } }
    func record(_ error: Error) { lock.withLock { if stored == nil { stored = error } } }
}
