import Foundation

/// Finds which of a site's source files changed by looking at all of them every
/// `interval`: modification time, size and inode, compared with the last look.
///
/// For folders that deliver no file events (network and some container mounts;
/// `serve --poll`). It sees what `InotifyWatcher` sees, later and at a cost that grows
/// with the site: one look at a 10,000-file site is a few milliseconds of `lstat`.
public final class PollingWatcher: SiteWatcher, @unchecked Sendable {
    /// What identifies one version of a file without reading it.
    struct Stamp: Equatable, Sendable {
        var modified: Int
        var size: Int
        var inode: UInt
    }

    public let rootPath: String
    public let interval: Duration
    private var stamps: [String: Stamp] = [:]
    private let stopSignal = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopped = false

    /// Remembers the current state of the site's files.
    public init(rootPath: String, interval: Duration = .milliseconds(200)) {
        self.rootPath = URL(fileURLWithPath: rootPath).standardizedFileURL.path
        self.interval = interval
        stamps = scan() ?? [:]
    }

    public var method: String { "polling every \(Int((interval / .milliseconds(1)).rounded())) ms" }

    public func wait(timeout: Duration?) -> SiteChange {
        let start = ContinuousClock.now
        while true {
            var pause = interval
            if let timeout { pause = min(pause, max(.zero, timeout - (ContinuousClock.now - start))) }
            if stopSignal.wait(timeout: .now() + pause / .seconds(1)) == .success || lock.withLock({ stopped }) {
                stop()
                return .stopped
            }
            let found = changes()
            if !found.isEmpty { return .files(found) }
            if let timeout, ContinuousClock.now - start >= timeout { return .timedOut }
        }
    }

    public func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        if first { stopSignal.signal() }
    }

    /// The site-relative paths created, changed or deleted since the last call (or
    /// since `init`), sorted. Empty when the site could not be looked at now (the
    /// process is out of file descriptors or memory): a folder that cannot be opened
    /// for that reason is not a folder whose files were deleted, and rebuilding on it
    /// would only report errors that are not the editor's.
    public func changes() -> [String] {
        guard let current = scan() else { return [] }
        var changed: [String] = []
        for (path, stamp) in current where stamps[path] != stamp { changed.append(path) }
        for path in stamps.keys where current[path] == nil { changed.append(path) }
        stamps = current
        return changed.sorted()
    }

    private func scan() -> [String: Stamp]? {
        var result: [String: Stamp] = [:]
        result.reserveCapacity(stamps.count)
        for path in SiteWatchers.watchedPaths {
            guard visit(path, into: &result) else { return nil }
        }
        return result
    }

    /// Records a file, or everything below a folder; false when it could not be looked
    /// at for want of resources. Symbolic links are followed for files (a link's target
    /// changing is a change) but not into folders, as the build does. A folder that
    /// cannot be read is recorded as such, so that it becoming readable is a change too.
    private func visit(_ relativePath: String, into result: inout [String: Stamp]) -> Bool {
        let absolutePath = rootPath + "/" + relativePath
        var status = stat()
        guard lstat(absolutePath, &status) == 0 else { return !Self.isResourceShortage(errno) }
        if (status.st_mode & S_IFMT) == S_IFLNK {
            var target = stat()
            if stat(absolutePath, &target) == 0, (target.st_mode & S_IFMT) != S_IFDIR { status = target }
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            result[relativePath] = Stamp(modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec),
                                         size: Int(status.st_size), inode: UInt(status.st_ino))
            return true
        }
        guard let directory = opendir(absolutePath) else {
            if Self.isResourceShortage(errno) { return false }
            result[relativePath] = Stamp(modified: -1, size: -1, inode: UInt(status.st_ino))
            return true
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            guard visit(relativePath + "/" + name, into: &result) else { return false }
        }
        return true
    }

    static func isResourceShortage(_ code: Int32) -> Bool {
        code == EMFILE || code == ENFILE || code == ENOMEM
    }
}
