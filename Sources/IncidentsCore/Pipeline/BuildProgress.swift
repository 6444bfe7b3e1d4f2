import Foundation

/// Counts work done during a build and passes it on, for a progress line.
///
/// Workers on several threads call `advance`; the handler is called at most once per
/// percent of each stage, so a terminal is not flooded.
public final class BuildProgress: @unchecked Sendable {
    /// A stage name ("reading", "writing"), how many of its items are done, and how many there are.
    public typealias Handler = @Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void

    private let handler: Handler
    private let lock = NSLock()
    private var stage = ""
    private var done = 0
    private var total = 0
    private var lastPercent = -1

    public init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    /// Starts a stage of `total` items.
    func begin(_ stage: String, total: Int) {
        lock.withLock {
            self.stage = stage
            self.done = 0
            self.total = total
            self.lastPercent = -1
        }
    }

    /// One more item of the current stage is done.
    func advance() {
        let news: (String, Int, Int)? = lock.withLock {
            done += 1
            let percent = total == 0 ? 100 : done * 100 / total
            guard percent != lastPercent else { return nil }
            lastPercent = percent
            return (stage, done, total)
        }
        // Outside the lock: the handler writes to the terminal.
        if let (stage, done, total) = news { handler(stage, done, total) }
    }
}
