import Foundation
import IncidentsCore

/// The line a long build keeps rewriting on an interactive terminal:
/// `writing 5,120 of 11,604 files (44%)`.
///
/// It appears only when standard error is a terminal (never in CI logs or pipes),
/// only once a build has run for half a second, and is erased before anything else
/// is printed.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var shown = false

    /// A progress line, or nil when standard error is not an interactive terminal.
    static func forTerminal() -> ProgressLine? {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard isatty(STDERR_FILENO) != 0, term != "dumb" else { return nil }
        return ProgressLine()
    }

    /// What the build reports its progress to.
    var reporter: BuildProgress {
        BuildProgress { [self] stage, done, total in draw(stage: stage, done: done, total: total) }
    }

    private func draw(stage: String, done: Int, total: Int) {
        let now = Date()
        lock.withLock {
            guard now.timeIntervalSince(start) > 0.5, now.timeIntervalSince(lastDrawn) > 0.1 || done == total else { return }
            lastDrawn = now
            shown = true
            let noun = stage == "reading" ? "incidents" : "files"
            let line = "\(stage) \(done.formatted()) of \(total.formatted()) \(noun) (\(done * 100 / max(total, 1))%)"
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
        }
    }

    /// Erases the line, if it was drawn.
    func clear() {
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            shown = false
        }
    }
}
