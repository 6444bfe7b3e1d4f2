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
        /// Outcomes of an earlier build to take instead of parsing files that did not
        /// change, and where this build's are kept (`build --cache`).
        public var parseCache: ParseCache?
        /// Data-file parts of an earlier build, and where this build's are kept.
        var recordCache: RecordCache?

        public init(sourcePath: String = ".", includeDrafts: Bool = false, search: Bool = false, parallel: Bool = true,
                    progress: BuildProgress? = nil, keepsRenderedParts: Bool = false, parseCache: ParseCache? = nil) {
            self.parseCache = parseCache
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
    /// The path and fingerprint of every file the last run published; set by a cached
    /// build to what an earlier build published into a folder still in place.
    var published = PublishedRoutes()

    public init(_ options: Options) {
        self.options = options
        caches = RenderCaches(keepingRecords: options.keepsRenderedParts, persisted: options.recordCache)
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
        // What else an outcome depends on, for the cache's keys.
        let (cache, context) = (options.parseCache, [siteWide.config.unsafeHTML.hashValue, vocabularies.hashValue,
                                                     siteWide.config.languages.hashValue].hashValue)
        // A site in several languages: `x.fr.md` translates `x.md`, and is parsed after it.
        let languages = siteWide.config.languages
        var translations: [(path: String, source: String, language: String)] = []
        var translatedSources = Set<String>()
        if languages.count > 1 {
            for path in listing.incidentFiles {
                guard let (source, language) = Translation.split(path, languages: languages) else { continue }
                translations.append((path, source, language))
                translatedSources.insert(source)
            }
        }
        let translationPaths = Set(translations.map(\.path))
        var reparsedTranslations: [(path: String, source: String, language: Int)] = []
        let sourcesToParse = toParse.filter { !translationPaths.contains($0) }
        progress?.begin("reading", total: toParse.count)
        let results = Parallel.map(sourcesToParse) { path in
            defer { progress?.advance() }
            return ParsedFile(path: path, files: files, markdown: markdown, bodies: bodies, vocabularies: vocabularies,
                              fingerprinted: translatedSources.contains(path), cache: cache, context: context)
        }
        for (path, result) in zip(sourcesToParse, results) { parsed[path] = result }
        // Translations: those edited, and those whose source was parsed again.
        if !translations.isEmpty {
            let changed = Set(toParse)
            let due = translations.filter { changed.contains($0.path) || changed.contains($0.source) || parsed[$0.path] == nil }
            // The sources looked up first: a copy of `parsed` kept for the workers would be
            // copied whole (11,000 entries) by the first assignment below.
            let sources = due.map { parsed[$0.source] }
            let translated = Parallel.map(Array(due.indices)) { index -> ParsedFile? in
                defer { progress?.advance() }
                guard let source = sources[index], case .success(let incident) = source.result else { return nil }
                return ParsedFile(path: due[index].path, files: files, markdown: markdown, bodies: bodies, vocabularies: vocabularies,
                                  translating: incident, language: due[index].language, cache: cache, context: context)
            }
            for (entry, result) in zip(due, translated) { parsed[entry.path] = result }
            reparsedTranslations = due.map { ($0.path, $0.source, languages.firstIndex(of: $0.language) ?? 0) }
        }
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
        if !translations.isEmpty {
            let listed = Set(listing.incidentFiles)
            for entry in translations where !listed.contains(entry.source) {
                errors.append(SiteWide.noSource(entry.path, entry.source, entry.language))
            }
        }
        warnings += Self.unlistedLanguages(listing.incidentFiles.filter { !translationPaths.contains($0) }, languages: languages)
        // The last model updated in place, in every language, when the edits move nothing.
        let reusable = siteWideChanged ? nil : lastModel.flatMap { $0.incidentFiles == listing.incidentFiles ? $0 : nil }
        let edited = sourcesToParse.map { (path: $0, source: $0, language: 0) } + reparsedTranslations
        let inPlace = changes == nil ? nil : reusable.flatMap { inPlaceEdits(of: edited, in: $0, dates: dates) }
        var sites: [Site] = []
        var unusedValues: [Diagnostic] = []
        var config = siteWide.config
        if options.search { config.search = true }
        if let reusable, let inPlace {
            for (language, last) in reusable.sites.enumerated() {
                var updated = last
                for (position, incident) in inPlace[language] { updated.incidents[position] = incident }
                if language == 0 { updated.staticFiles = listing.staticFiles }
                sites.append(updated)
            }
        } else {
            var byLanguage = [(incidents: [Incident], tombstones: [Incident])](repeating: ([], []), count: languages.count)
            byLanguage[0].incidents.reserveCapacity(listing.incidentFiles.count - translations.count)
            for path in listing.incidentFiles where !translationPaths.contains(path) {
                guard let file = parsed[path], options.includeDrafts || !file.isDraft, case .success(var incident) = file.result else { continue }
                incident.modified = dates[path]
                if incident.isTombstone { byLanguage[0].tombstones.append(incident) } else { byLanguage[0].incidents.append(incident) }
            }
            for entry in translations {
                guard let file = parsed[entry.path], options.includeDrafts || !file.isDraft, case .success(var incident) = file.result,
                      let position = languages.firstIndex(of: entry.language) else { continue }
                incident.modified = dates[entry.path]
                if let problem = Self.outdatedTranslation(&incident, source: parsed[entry.source], dates: dates) { warnings.append(problem) }
                if incident.isTombstone { byLanguage[position].tombstones.append(incident) } else { byLanguage[position].incidents.append(incident) }
            }
            let slugOf = { (incident: Incident) in (incident.slug, incident.sourcePath, incident.slugLocation) }
            errors += Self.duplicateSlugs(byLanguage[0].incidents.map(slugOf) + byLanguage[0].tombstones.map(slugOf), what: "incident")
            errors += DatabaseRules.problems(incidents: byLanguage[0].incidents, tombstones: byLanguage[0].tombstones)
            for (position, code) in languages.enumerated() {
                var languageConfig = config
                let strings = siteWide.strings[code] ?? [:]
                if position > 0 {
                    languageConfig.language = code
                    languageConfig.baseURL = config.baseURL.map { $0 + code + "/" }
                }
                if case .text(let title)? = strings["title"] { languageConfig.title = title }
                if case .text(let description)? = strings["description"] { languageConfig.description = description }
                let allPages = position == 0 ? siteWide.pages : siteWide.translatedPages[code] ?? []
                let pages = options.includeDrafts ? allPages : allPages.filter { !$0.draft }
                var profiles = siteWide.profiles
                for translated in siteWide.translatedProfiles[code] ?? [] {
                    profiles.removeAll { $0.slug == translated.slug }
                    profiles.append(translated)
                }
                var site = Site(config: languageConfig, incidents: byLanguage[position].incidents, tombstones: byLanguage[position].tombstones,
                                pages: pages, staticFiles: position == 0 ? listing.staticFiles : [], profiles: profiles,
                                vocabularies: siteWide.vocabularies,
                                language: SiteLanguage(code: code, position: position, siteStrings: strings, siteEnglish: siteWide.strings["en"] ?? [:]))
                // A translated duplicate whose incident has no translation stays in the default language only.
                if position > 0 { site.dropTombstonesWithoutTarget() }
                sites.append(site)
            }
            unusedValues = Self.unusedVocabularyValues(sites[0])
            warnings += Self.missingTranslations(sites, config: config)
        }
        let site = sites[0]
        var analysis = Analysis(errors: [], warnings: warnings + unusedValues, notes: [], incidentCount: site.incidents.count,
                                tagCount: site.tags.count, links: links)
        if site.config.baseURL == nil { analysis.notes.append("feeds, sitemap.xml and robots.txt need base_url in site.yml; they were not written") }
        times.end("model")

        // Plan.
        lastModel = nil
        if let templates = siteWide.templates {
            let builds: [BuildContext]
            if let reusable, let inPlace {
                builds = sites.indices.map { language in
                    BuildContext(site: sites[language], templates: templates, files: listing, bodies: self.bodies, caches: caches,
                                 reusing: reusable.builds[language], changed: inPlace[language].map(\.position))
                }
            } else {
                builds = sites.map { BuildContext(site: $0, templates: templates, files: listing, bodies: self.bodies, caches: caches) }
            }
            let table = RouteTable(builds, previous: reusable.flatMap { last in last.builds[0].translations.map { (last.routePaths, $0) } })
            // Conflicts depend on the paths alone: the same paths as a plan without any, none.
            if !table.hasPreviousPaths { errors += table.conflicts }
            analysis.build = builds[0]
            analysis.table = table
            if errors.isEmpty {
                let paths = table.hasPreviousPaths ? reusable!.routePaths : table.routes.map(\.path)
                lastModel = LastModel(sites: sites, builds: builds, incidentFiles: listing.incidentFiles, routePaths: paths)
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
        guard analysis.errors.isEmpty, analysis.build != nil, let table = analysis.table else {
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
                try table.render(table.routes[selected[index]], to: sink)
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
        caches.keepOnly(table.builds)
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
        caches.keepOnly(table.builds)
        times.end("publish")
        return (site, Report(written: changed.map { table.routes[$0].path }.sorted(), removed: removed,
                             incidents: analysis.incidentCount, tags: analysis.tagCount))
    }

    /// How many files `publish` would write now.
    func pendingWrites(_ analysis: Analysis) -> Int {
        guard let table = analysis.table else { return 0 }
        return published.isEmpty ? table.routes.count : published.difference(to: table).changed.count
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

    /// Marks `translation` outdated when its source changed after it: by the
    /// fingerprint it records (`translated_from:`), else by the dates of their last
    /// commits. The warning `check` gives, or nil.
    static func outdatedTranslation(_ translation: inout Incident, source: ParsedFile?, dates: [String: String]) -> Diagnostic? {
        guard var info = translation.translation else { return nil }
        defer { translation.translation = info }
        let path = translation.sourcePath
        if let recorded = info.translatedFrom {
            guard let current = source?.fingerprint, recorded.lowercased() != current else { return nil }
            info.isOutdated = true
            return Diagnostic(info.translatedFromLocation ?? SourceLocation(file: path, line: 1, column: 1), key: "translated_from",
                              "records the source as \(recorded), but \(info.sourcePath) is now \(current); update the translation, then set translated_from: \(current)",
                              severity: .warning)
        }
        guard let sourceDate = dates[info.sourcePath].flatMap(DateTime.init(parsing:)),
              let ownDate = dates[path].flatMap(DateTime.init(parsing:)), sourceDate > ownDate else { return nil }
        info.isOutdated = true
        return Diagnostic(SourceLocation(file: path, line: 1, column: 1),
                          "is older than its source \(info.sourcePath) (last committed \(sourceDate.description.prefix(10)), the translation \(ownDate.description.prefix(10))); update the translation and commit it",
                          severity: .warning)
    }

    /// What `check` says about the incidents each other language has no translation
    /// of: each by name, or a summary naming the first when there are many.
    static func missingTranslations(_ sites: [Site], config: SiteConfig) -> [Diagnostic] {
        guard sites.count > 1 else { return [] }
        var warnings: [Diagnostic] = []
        for site in sites.dropFirst() {
            let translated = Set(site.incidents.map { $0.translation?.sourcePath ?? $0.sourcePath })
            let missing = sites[0].incidents.map(\.sourcePath).filter { !translated.contains($0) }.sorted()
            guard !missing.isEmpty else { continue }
            let code = site.language.code
            if missing.count <= 20 {
                for path in missing {
                    warnings.append(Diagnostic(SourceLocation(file: path, line: 1, column: 1), key: "translation",
                                               "has no translation into \(code); expected \(Self.translationPath(of: path, code))", severity: .warning))
                }
            } else {
                let shown = missing.prefix(5).joined(separator: ", ")
                warnings.append(Diagnostic(config.languagesLocation ?? SourceLocation(file: "site.yml", line: 1, column: 1), key: "languages",
                                           "\(code): \(missing.count) of \(sites[0].incidents.count) incidents have no translation (\(shown), …)", severity: .warning))
            }
        }
        return warnings
    }

    /// What `check` says about files named like a translation into a language the site
    /// does not list (`x.de.md` on an English and French site): they are read as
    /// incidents of their own, which is seldom what the editor meant.
    static func unlistedLanguages(_ paths: [String], languages: [String]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for path in paths {
            guard let (_, code) = Translation.languageSuffix(of: path), code.count <= 3 else { continue }
            guard SiteLanguage.builtinCodes.contains(code) || Locale.LanguageCode.isoLanguageCodes.contains(where: { $0.identifier == code && code.count == 2 }),
                  !languages.contains(where: { $0.lowercased() == code }) else { continue }
            warnings.append(Diagnostic(SourceLocation(file: path, line: 1, column: 1), key: "languages",
                                       "is named like a translation into \(code), which site.yml's languages (\(languages.joined(separator: ", "))) do not list; it is read as an incident of its own (add \(code) to languages to make it a translation)",
                                       severity: .warning))
        }
        return warnings
    }

    /// `content/incidents/x.md` → `content/incidents/x.fr.md`.
    static func translationPath(of path: String, _ language: String) -> String {
        String(path.dropLast(3)) + "." + language + ".md"
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
