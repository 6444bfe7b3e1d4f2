import Foundation

/// What `build` needs to know.
public struct BuildOptions: Sendable {
    public var sourcePath: String
    /// Defaults to `<source>/public`.
    public var outputPath: String
    public var includeDrafts: Bool
    /// Render on all cores; off only for tests that compare with a sequential build.
    public var parallel: Bool
    /// Told how far reading and writing have got, for a progress line.
    public var progress: BuildProgress?
    /// Full-text search even when `site.yml` does not ask for it.
    public var search = false
    /// Where to write the output paths this build changes (`--changed-list`).
    public var changedListPath: String?
    /// The build cache folder (`--cache`): what a later build can reuse.
    public var cachePath: String?

    public init(sourcePath: String = ".", outputPath: String? = nil, includeDrafts: Bool = false, parallel: Bool = true,
                progress: BuildProgress? = nil) {
        self.sourcePath = sourcePath
        self.outputPath = outputPath ?? (sourcePath as NSString).appendingPathComponent("public")
        self.includeDrafts = includeDrafts
        self.parallel = parallel
        self.progress = progress
    }
}

/// What a finished build did, for the one-line summary.
public struct BuildSummary: Sendable, CustomStringConvertible {
    public var incidents: Int
    public var tags: Int
    public var pages: Int
    public var filesWritten: Int
    public var outputPath: String
    public var seconds: Double
    /// Wall time of each stage, in order: reading and validating, rendering and
    /// writing, publishing (the swap); for `--verbose`.
    public var stages: [(name: String, seconds: Double)] = []
    /// Things left out of the output and why (feeds without `base_url`).
    public var notes: [String] = []
    /// What the build cache did, for `--verbose`: nil without `--cache`.
    public var cacheReport: String?

    public var description: String {
        let time = seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
        return "Built \(Count.text(incidents, "incident")), \(Count.text(tags, "tag")), "
            + "\(Count.text(filesWritten, "file")) written to \(outputPath) in \(time)"
    }
}

/// `build`: the pipeline run once, into a folder on disk. On any error the output
/// folder is left exactly as it was.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws -> BuildSummary {
        let start = DispatchTime.now()
        var stages: [(name: String, seconds: Double)] = []
        var stageStart = start
        func endStage(_ name: String) {
            let now = DispatchTime.now()
            stages.append((name, Double(now.uptimeNanoseconds - stageStart.uptimeNanoseconds) / 1e9))
            stageStart = now
        }
        func summary(_ report: Pipeline.Report, written: Int, outputPath: String, analysis: Pipeline.Analysis, notes: [String], cacheReport: String?) -> BuildSummary {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return BuildSummary(incidents: report.incidents, tags: report.tags, pages: analysis.build?.site.pages.count ?? 0,
                                filesWritten: written, outputPath: outputPath, seconds: seconds, stages: stages,
                                notes: notes, cacheReport: cacheReport)
        }

        // The cache, when asked for and not in use by another build.
        let flags = "drafts=\(options.includeDrafts) search=\(options.search)"
        var cacheNotes: [String] = []
        let cache = try options.cachePath.flatMap { folder throws(BuildFailure) in
            try BuildCache.checkPlacement(folder, siteRoot: options.sourcePath, output: options.outputPath)
            let opened = try BuildCache(folder: folder)
            if opened == nil { cacheNotes.append("not used: another build is using it") }
            return opened
        }
        let contents = cache?.load(flags: flags) ?? BuildCache.Contents()
        if let reason = contents.unusedBecause { cacheNotes.append("nothing reused: \(reason)") }
        let writer = cache?.newSegment(after: contents)
        let parseCache = cache.map { _ in ParseCache(entries: contents.parses, segments: contents.segments, writer: writer) }
        let recordCache = cache.map { _ in RecordCache(entries: contents.records, segments: contents.segments, writer: writer) }
        if cache != nil { endStage("read the cache") }
        // A blob that failed its checksum after the index passed: this build's output is
        // not published, and the site is built again without the cache.
        func withoutDamagedCache() throws -> BuildSummary? {
            guard contents.segments.isDamaged else { return nil }
            var fresh = options
            fresh.cachePath = nil
            var summary = try build(fresh)
            summary.cacheReport = "the cache was damaged: built without it"
            return summary
        }

        var pipelineOptions = Pipeline.Options(sourcePath: options.sourcePath, includeDrafts: options.includeDrafts, search: options.search,
                                               parallel: options.parallel, progress: options.progress, parseCache: parseCache)
        pipelineOptions.recordCache = recordCache
        let pipeline = Pipeline(pipelineOptions)
        let analysis = pipeline.analyse()
        guard analysis.errors.isEmpty, let files = pipeline.files else { throw BuildFailure(analysis.errors) }
        pipeline.forgetParsedFiles()
        if options.cachePath != nil {
            // Where a cached build's time goes is the question: each stage of the analysis.
            for (name, seconds) in pipeline.times.stages { stages.append((name == "load" ? "load \(files.incidentFiles.count + files.pageFiles.count) files" : name, seconds)) }
            stageStart = DispatchTime.now()
        } else {
            endStage("read and validate \(files.incidentFiles.count + files.pageFiles.count) files")
        }
        if let parseCache { cacheNotes.append("\(parseCache.hits) of \(files.incidentFiles.count) incident files reused") }
        let hasSearch = analysis.build?.site.config.search == true

        // In place: the output folder still holds what the cache says was published, and
        // few files change (a template change rewrites everything, staged as usual).
        let shown = URL(fileURLWithPath: options.outputPath).standardizedFileURL.path
        if let cache, let parseCache, let recordCache, let writer, let published = contents.published, !hasSearch,
           let folder = try? DiskOutput.resolve(shown),
           published.outputPath == folder, DiskOutput.token(ofFolder: folder) == published.token,
           (try? DiskOutput.checkPlacement(folder, shownAs: options.outputPath, sourceRoot: SiteFiles.realPath(files.rootPath) ?? files.rootPath)) != nil {
            pipeline.published = PublishedRoutes(paths: published.paths, fingerprints: published.fingerprints)
            let pending = pipeline.pendingWrites(analysis)
            if pending <= analysis.fileCount / 4 + 100 {
                let output = InPlaceOutput(folder: folder, shownAs: shown)
                let report: Pipeline.Report
                do {
                    report = try pipeline.publish(analysis, to: output)
                    if contents.segments.isDamaged {
                        output.discard()
                        return try withoutDamagedCache()!
                    }
                } catch {
                    output.discard()
                    throw error
                }
                endStage("render \(report.written.count) changed files")
                let (token, changed) = try output.commit()
                try writeChangedList(changed, to: options.changedListPath)
                endStage("write \(changed.count) files in place")
                try cache.save(parses: parseCache, records: recordCache, contents: contents, writer: writer,
                               published: Self.published(pipeline, folder: folder, token: token), flags: flags)
                endStage("save the cache")
                cacheNotes.append("\(report.written.count) files rendered again, \(changed.count) written or removed in place")
                return summary(report, written: changed.count, outputPath: shown, analysis: analysis, notes: analysis.notes,
                               cacheReport: cacheNotes.joined(separator: "; "))
            }
            cacheNotes.append("\(pending) files changed: the whole site is written again")
            pipeline.published = PublishedRoutes()
        }

        let output = try DiskOutput(outputPath: options.outputPath, sourceRoot: files.rootPath)
        do {
            let report = try pipeline.publish(analysis, to: output, everything: true)
            if contents.segments.isDamaged {
                output.discard()
                return try withoutDamagedCache()!
            }
            endStage("render and write \(report.written.count) files")
            var notes = analysis.notes
            if hasSearch {
                switch try PagefindIndexer.index(sitePath: output.stagingPath) {
                case .indexed:
                    endStage("index for search (Pagefind)")
                case .unavailable:
                    notes.append("search: Pagefind was not found (pip install pagefind-bin, or set INCIDENTS_PAGEFIND); "
                                 + "the site has no full-text search, the index filter still works")
                }
            }
            let changed = try options.changedListPath.map { _ in try output.changedPaths() }
            if changed != nil { endStage("compare with the previous output") }
            try output.commit()
            if let changed { try writeChangedList(changed, to: options.changedListPath) }
            endStage("publish")
            if let cache, let parseCache, let recordCache, let writer {
                // A site with search is never updated in place (Pagefind indexes it whole).
                try cache.save(parses: parseCache, records: recordCache, contents: contents, writer: writer,
                               published: hasSearch ? nil : Self.published(pipeline, folder: output.publishedPath, token: output.token), flags: flags)
                endStage("save the cache")
            }
            return summary(report, written: report.written.count, outputPath: output.outputPath, analysis: analysis, notes: notes,
                           cacheReport: cache == nil && options.cachePath == nil ? nil : cacheNotes.joined(separator: "; "))
        } catch {
            output.discard()
            throw error
        }
    }

    private static func published(_ pipeline: Pipeline, folder: String, token: String) -> BuildCache.Published {
        let routes = pipeline.published
        return BuildCache.Published(outputPath: folder, token: token, paths: routes.paths, fingerprints: routes.fingerprints)
    }

    private static func writeChangedList(_ changed: [String], to path: String?) throws {
        guard let path else { return }
        let text = changed.map { $0 + "\n" }.joined()
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: path), "could not be written (the site was published): \(error.localizedDescription)"))
        }
    }
}
