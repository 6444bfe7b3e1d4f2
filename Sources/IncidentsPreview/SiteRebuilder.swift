import Dispatch
import Foundation
import IncidentsCore

/// Keeps the previewed site up to date: builds once, then polls the site's files and
/// rebuilds what a change affects, publishing each result to the `PreviewState`.
///
/// Builds run one at a time on their own queue, off the server's threads, so pages
/// keep being served (from the previous snapshot) while a rebuild runs.
final class SiteRebuilder: @unchecked Sendable {
    private let options: PreviewOptions
    private let state: PreviewState
    private let pipeline: Pipeline
    private var watcher: SiteWatcher
    private let queue = DispatchQueue(label: "incidents.serve.build")

    init(options: PreviewOptions, state: PreviewState) throws {
        self.options = options
        self.state = state
        // A site folder that does not exist is an error before anything listens.
        let files = try SiteFiles(rootPath: options.sourcePath)
        pipeline = Pipeline(Pipeline.Options(sourcePath: options.sourcePath, includeDrafts: options.includeDrafts, keepsRenderedParts: true))
        watcher = SiteWatcher(rootPath: files.rootPath)
    }

    /// The first, full build.
    func buildEverything() {
        queue.sync { run(changes: nil) }
    }

    /// Polls for changes until the task is cancelled.
    func watch() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: options.pollInterval)
            let changes = await onQueue { self.settledChanges() }
            guard !changes.isEmpty, !Task.isCancelled else { continue }
            await onQueue { self.run(changes: changes) }
        }
    }

    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    /// The changes since the last poll, waiting until the files stop changing: an
    /// editor's save, or `git checkout`, touches several files in quick succession.
    private func settledChanges() -> [String] {
        var changes = Set(watcher.changes().filter(Self.affectsSite))
        guard !changes.isEmpty else { return [] }
        for _ in 0..<20 {
            Thread.sleep(forTimeInterval: 0.05)
            let more = watcher.changes().filter(Self.affectsSite)
            if more.isEmpty { break }
            changes.formUnion(more)
        }
        return changes.sorted()
    }

    /// Whether a changed file can change the site: editors' swap and backup files
    /// (`.x.md.swp`, `x.md~`) beside the content cannot.
    static func affectsSite(_ path: String) -> Bool {
        if path.hasPrefix("static/") || path == "site.yml" { return true }
        if path.hasPrefix("content/") { return path.hasSuffix(".md") }
        if path.hasPrefix("templates/") { return path.hasSuffix(".mustache") || path.hasSuffix(".css") }
        return false
    }

    /// Builds everything (`changes` nil) or updates after `changes`, then publishes.
    private func run(changes: [String]?) {
        let start = DispatchTime.now()
        let previous = state.snapshot.files
        let output = MemoryOutput(files: changes == nil ? [:] : previous)
        do {
            if changes == nil { pipeline.forgetPublished() }
            let report = try pipeline.run(changes: changes, into: output)
            state.publish(files: output.snapshot, problems: [])
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            options.events.built(PreviewBuild(changedFiles: changes ?? [], report: report, seconds: seconds))
        } catch {
            // Told to the terminal first, so it has the errors by the time a tab reloads.
            let diagnostics = (error as? BuildFailure)?.diagnostics ?? [Diagnostic(SourceLocation(wholeFile: options.sourcePath), "\(error)")]
            options.events.failed(changes ?? [], diagnostics)
            state.publish(files: nil, problems: diagnostics.map(DiagnosticFormatter.format))
        }
    }
}
