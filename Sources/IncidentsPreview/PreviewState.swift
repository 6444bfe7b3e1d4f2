import IncidentsCore
import NIOCore
import Synchronization

/// The site `serve` is showing: the last build that succeeded (its files rendered as
/// they are asked for), the errors of the latest build if it failed, and the browser
/// tabs waiting for news.
///
/// A rebuild publishes a whole new site at once, so a request sees either the old
/// site or the new one, never a mix.
final class PreviewState: Sendable {
    struct Snapshot: Sendable {
        /// The last successful build; nil before the first.
        var site: OnDemandSite?
        /// The latest build's errors, formatted with their source lines; empty when it succeeded.
        var problems: [String] = []
        /// Counts builds, so tabs can tell one reload from the next.
        var generation = 0
    }

    /// What an open tab is told.
    enum Event: Sendable {
        case reload(generation: Int)
        /// Nothing new; sent now and then so a connection whose peer vanished fails.
        case keepAlive
    }

    private struct Storage {
        var snapshot = Snapshot()
        var listeners: [Int: AsyncStream<Event>.Continuation] = [:]
        var nextListener = 0
        var closed = false
    }

    /// Tabs listening at once, at most: each holds a connection (and a descriptor).
    static let maximumListeners = 64
    /// How often a listening tab gets a keep-alive comment.
    static let keepAliveInterval: Duration = .seconds(20)

    private let storage = Mutex(Storage())
    /// Identifies this run of `serve`: a tab that reconnects to a different one reloads.
    let serverID: String

    init(serverID: String) {
        self.serverID = serverID
    }

    var snapshot: Snapshot { storage.withLock { $0.snapshot } }

    /// Shows a new build: a new site (or the previous one, when `site` is nil) and
    /// its errors; then tells every open tab to reload.
    func publish(site: OnDemandSite?, problems: [String]) {
        let (listeners, generation) = storage.withLock { storage in
            if let site { storage.snapshot.site = site }
            storage.snapshot.problems = problems
            storage.snapshot.generation += 1
            return (Array(storage.listeners.values), storage.snapshot.generation)
        }
        for listener in listeners { listener.yield(.reload(generation: generation)) }
    }

    /// The events for one tab from now on, until `closeAll` or until `closed` completes
    /// (its connection closed); nil when `maximumListeners` tabs already listen.
    func events(until closed: EventLoopFuture<Void>) -> AsyncStream<Event>? {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id: Int?? = storage.withLock { storage in
            guard storage.listeners.count < Self.maximumListeners else { return .none }
            guard !storage.closed else { return .some(nil) }
            storage.nextListener += 1
            storage.listeners[storage.nextListener] = continuation
            return .some(storage.nextListener)
        }
        guard let registered = id else { return nil }
        guard let id = registered else {
            continuation.finish()
            return stream
        }
        let keepAlive = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.keepAliveInterval)
                continuation.yield(.keepAlive)
            }
        }
        continuation.onTermination = { [weak self] _ in
            keepAlive.cancel()
            _ = self?.storage.withLock { $0.listeners.removeValue(forKey: id) }
        }
        closed.whenComplete { _ in continuation.finish() }
        return stream
    }

    /// Tabs listening now (for tests of connections that close).
    var listenerCount: Int { storage.withLock { $0.listeners.count } }

    /// Ends every event stream, so that open connections let the server shut down.
    func closeAll() {
        let listeners = storage.withLock { storage in
            storage.closed = true
            defer { storage.listeners = [:] }
            return Array(storage.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }
}
