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
        let pipeline = Pipeline(Pipeline.Options(sourcePath: options.sourcePath, includeDrafts: options.includeDrafts, search: options.search,
                                                 parallel: options.parallel, progress: options.progress))
        let analysis = pipeline.analyse()
        guard analysis.errors.isEmpty, let files = pipeline.files else { throw BuildFailure(analysis.errors) }
        pipeline.forgetParsedFiles()
        endStage("read and validate \(files.incidentFiles.count + files.pageFiles.count) files")
        let output = try DiskOutput(outputPath: options.outputPath, sourceRoot: files.rootPath)
        do {
            let report = try pipeline.publish(analysis, to: output, everything: true)
            endStage("render and write \(report.written.count) files")
            var notes = analysis.notes
            if analysis.build?.site.config.search == true {
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
            if let path = options.changedListPath, let changed {
                let text = changed.map { $0 + "\n" }.joined()
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    throw BuildFailure(Diagnostic(SourceLocation(wholeFile: path), "could not be written (the site was published): \(error.localizedDescription)"))
                }
            }
            endStage("publish")
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return BuildSummary(incidents: report.incidents, tags: report.tags, pages: analysis.build?.site.pages.count ?? 0,
                                filesWritten: report.written.count, outputPath: output.outputPath, seconds: seconds, stages: stages,
                                notes: notes)
        } catch {
            output.discard()
            throw error
        }
    }
}
