import Dispatch
import Foundation
import IncidentsCore

/// Keeps the previewed site up to date: builds once, then waits for the site's files
/// to change (file events, or polling with `--poll`) and rebuilds what a change
/// affects, publishing each result to the `PreviewState`.
///
/// Builds run one at a time on their own queue, off the server's threads, so pages
/// keep being served (from the previous snapshot) while a rebuild runs. The watcher
/// waits on a thread of its own, asleep until the kernel has news.
final class SiteRebuilder: @unchecked Sendable {
    private let options: PreviewOptions
    private let state: PreviewState
    private let pipeline: Pipeline
    private let watcher: SiteWatcher
    private let queue = DispatchQueue(label: "incidents.serve.build")

    /// How long the files must stay unchanged before a rebuild starts: an editor's
    /// save (write a temporary file, rename it over the old one, delete a backup) or a
    /// `git checkout` is several changes in quick succession.
    static let settleTime: Duration = .milliseconds(15)
    /// A rebuild waits at most this long for the files to settle.
    static let longestSettle: Duration = .seconds(1)

    init(options: PreviewOptions, state: PreviewState) throws {
        self.options = options
        self.state = state
        // A site folder that does not exist is an error before anything listens.
        let files = try SiteFiles(rootPath: options.sourcePath)
        pipeline = Pipeline(Pipeline.Options(sourcePath: options.sourcePath, includeDrafts: options.includeDrafts, keepsRenderedParts: true))
        let (watcher, note) = SiteWatchers.make(rootPath: files.rootPath, pollInterval: options.pollInterval)
        self.watcher = watcher
        if let note { options.events.noted(note) }
    }

    /// How changes are seen, for the terminal.
    var watchMethod: String { watcher.method }

    /// The first, full build.
    func buildEverything() {
        queue.sync { run(changes: nil) }
    }

    /// Rebuilds on every change until the task is cancelled.
    func watch() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                let thread = Thread { [self] in
                    watchUntilStopped()
                    done.resume()
                }
                thread.name = "incidents.serve.watch"
                thread.start()
            }
        } onCancel: {
            watcher.stop()
        }
    }

    private func watchUntilStopped() {
        while true {
            switch settled(watcher.wait(timeout: nil)) {
            case .stopped:
                return
            case .everything:
                queue.sync { run(changes: nil) }
            case .files(let changes):
                let relevant = changes.filter(Self.affectsSite)
                if !relevant.isEmpty { queue.sync { run(changes: relevant) } }
            case .timedOut:
                continue
            }
        }
    }

    /// `first` and whatever changes after it, until nothing has changed for `settleTime`.
    private func settled(_ first: SiteChange) -> SiteChange {
        guard first != .stopped && first != .timedOut else { return first }
        // nil: everything.
        var paths: Set<String>? = if case .files(let some) = first { Set(some) } else { nil }
        let deadline = ContinuousClock.now + Self.longestSettle
        waiting: while ContinuousClock.now < deadline {
            switch watcher.wait(timeout: Self.settleTime) {
            case .stopped: return .stopped
            case .timedOut: break waiting
            case .everything: paths = nil
            case .files(let more): paths?.formUnion(more)
            }
        }
        return paths.map { .files($0.sorted()) } ?? .everything
    }

    /// Whether a changed file can change the site: editors' swap and backup files
    /// (`.x.md.swp`, `x.md~`) beside the content cannot.
    static func affectsSite(_ path: String) -> Bool {
        if path.hasPrefix("static/") || path == "site.yml" || path.hasSuffix("/") { return true }
        if path.hasPrefix("content/") { return path.hasSuffix(".md") }
        if path.hasPrefix("templates/") { return path.hasSuffix(".mustache") || path.hasSuffix(".css") }
        if path.hasPrefix("vocabularies/") { return path.hasSuffix(".yml") }
        return false
    }

    /// Plans everything (`changes` nil) or again after `changes`, then publishes the
    /// new site; its files are rendered as they are asked for.
    private func run(changes: [String]?) {
        let start = DispatchTime.now()
        let analysis = pipeline.analyse(changes: changes)
        do {
            let previous = changes == nil ? nil : state.snapshot.site
            let (site, report) = try pipeline.publishOnDemand(analysis, carrying: previous)
            state.publish(site: site, problems: [])
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            options.events.built(PreviewBuild(changedFiles: changes ?? [], report: report, seconds: seconds))
        } catch {
            // Told to the terminal first, so it has the errors by the time a tab reloads.
            let diagnostics = (error as? BuildFailure)?.diagnostics ?? [Diagnostic(SourceLocation(wholeFile: options.sourcePath), "\(error)")]
            options.events.failed(changes ?? [], diagnostics)
            state.publish(site: nil, problems: diagnostics.map(DiagnosticFormatter.format))
        }
    }
}
