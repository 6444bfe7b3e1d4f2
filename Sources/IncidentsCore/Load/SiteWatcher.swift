import Foundation

/// What changed in a site's folder, as a watcher saw it.
public enum SiteChange: Sendable, Equatable {
    /// Site-relative paths created, changed or deleted, sorted. A folder's path ends
    /// with `/` and stands for everything that is or was in it.
    case files([String])
    /// Changes were lost (the kernel's event queue overflowed, the site folder moved):
    /// anything may have changed.
    case everything
    /// Nothing changed within the time asked for.
    case timedOut
    /// `stop()` was called.
    case stopped
}

/// Tells `serve` which of the site's files changed: `site.yml`, `content/`,
/// `templates/` and `static/`, whatever is in them, including folders created later.
///
/// Two ways: `InotifyWatcher` (Linux's file events: costs nothing while nothing
/// happens, and sees a change as it happens) and `PollingWatcher` (compares every
/// file's stamp a few times a second: for mounted folders that deliver no events).
/// `SiteWatchers.make` picks one. One thread waits; any thread may `stop()`.
public protocol SiteWatcher: AnyObject, Sendable {
    /// Blocks until something changed, `timeout` passed (nil: for as long as it takes)
    /// or `stop()` was called.
    func wait(timeout: Duration?) -> SiteChange
    /// Ends a `wait` in progress, and makes every later one return `.stopped`.
    func stop()
    /// How changes are seen, for the terminal: "file events", "polling every 200 ms".
    var method: String { get }
}

public enum SiteWatchers {
    /// The top-level names of a site that can change what it builds.
    public static let watchedPaths = ["site.yml", "content", "templates", "static", "vocabularies", "i18n"]

    /// A watcher for the site at `rootPath`: file events, or polling every
    /// `pollInterval` when one is given. When file events cannot be had (the kernel's
    /// limit on watches is reached), polling, with a note that says why.
    public static func make(rootPath: String, pollInterval: Duration?) -> (watcher: SiteWatcher, note: String?) {
        if let pollInterval { return (PollingWatcher(rootPath: rootPath, interval: pollInterval), nil) }
        do {
            return (try InotifyWatcher(rootPath: rootPath), nil)
        } catch {
            let interval = Duration.milliseconds(500)
            let watcher = PollingWatcher(rootPath: rootPath, interval: interval)
            return (watcher, "cannot watch the site with file events (\(error.description)); \(watcher.method) instead")
        }
    }
}

/// Why file events could not be set up.
public struct WatchSetupError: Error, CustomStringConvertible {
    public let description: String
}
