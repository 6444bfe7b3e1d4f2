import Foundation

/// Watches a site with Linux's inotify: one watch per folder of the site (not per
/// file), so that editors that save by writing a new file and renaming it over the
/// old one are seen, and so are folders created, moved in or deleted while it runs.
/// Waiting costs nothing: the thread sleeps in `poll` until the kernel has news.
///
/// Like the build, it does not follow symbolic links to folders. A symbolic link to a
/// file is reported changed whenever anything changes, since the event names its
/// target. If the kernel's queue overflows, the change is `.everything`.
public final class InotifyWatcher: SiteWatcher, @unchecked Sendable {
    public let rootPath: String
    private let events: Int32
    /// A pipe `stop()` writes to, to wake `wait`: read end, write end.
    private let wakeUp: Int32
    private let wakeUpWriter: Int32
    /// Each watched folder by watch descriptor, site-relative ("" is the site folder).
    private var folders: [Int32: String] = [:]
    /// Symbolic links to files, site-relative.
    private var links = Set<String>()
    private var buffer = [UInt8](repeating: 0, count: 64 << 10)

    private static let folderEvents = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_EXCL_UNLINK)

    public var method: String { "file events" }

    /// Starts watching; throws when inotify cannot be had (its limits are reached).
    public init(rootPath: String) throws(WatchSetupError) {
        self.rootPath = URL(fileURLWithPath: rootPath).standardizedFileURL.path
        events = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard events >= 0 else { throw WatchSetupError(description: "inotify: " + SystemErrorText.describe(errno: errno)) }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            let code = errno
            close(events)
            throw WatchSetupError(description: "pipe: " + SystemErrorText.describe(errno: code))
        }
        (wakeUp, wakeUpWriter) = (pipeEnds[0], pipeEnds[1])
        for descriptor in pipeEnds {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
        }
        var ignored: [String] = []
        do {
            // The site folder itself is followed if it is a link; what is inside is not.
            try watch("", following: true)
            for name in SiteWatchers.watchedPaths { try watchTree(name, found: &ignored) }
        } catch {
            for descriptor in [events, wakeUp, wakeUpWriter] { close(descriptor) }
            throw error
        }
    }

    deinit {
        for descriptor in [events, wakeUp, wakeUpWriter] { close(descriptor) }
    }

    public func stop() {
        var byte: UInt8 = 1
        _ = write(wakeUpWriter, &byte, 1)
    }

    public func wait(timeout: Duration?) -> SiteChange {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        while true {
            var descriptors = [pollfd(fd: events, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeUp, events: Int16(POLLIN), revents: 0)]
            var milliseconds: Int32 = -1
            if let deadline {
                let left = deadline - ContinuousClock.now
                milliseconds = left <= .zero ? 0 : Int32(min((left / .milliseconds(1)).rounded(.up), 86_400_000))
            }
            let ready = poll(&descriptors, 2, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .everything
            }
            if descriptors[1].revents != 0 { return .stopped }
            if ready == 0 { return .timedOut }
            switch readEvents() {
            case .files(let paths) where paths.isEmpty: continue  // only things outside the site's folders
            case let change: return change
            }
        }
    }

    // MARK: Events

    /// Everything the kernel has queued, as one change.
    private func readEvents() -> SiteChange {
        var changed = Set<String>()
        var lost = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(events, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                break  // EAGAIN: all read.
            }
            if count == 0 { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (event, name) = buffer.withUnsafeBytes { raw -> (inotify_event, String) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let start = offset + MemoryLayout<inotify_event>.size
                    let bytes = raw[start..<min(start + Int(event.len), count)].prefix { $0 != 0 }
                    return (event, String(decoding: bytes, as: UTF8.self))
                }
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if !handle(event, name: name, into: &changed) { lost = true }
            }
        }
        if lost {
            rewatchEverything()
            return .everything
        }
        if !changed.isEmpty { changed.formUnion(links) }
        return .files(changed.sorted())
    }

    /// Records what one event changed; false when changes were lost.
    private func handle(_ event: inotify_event, name: String, into changed: inout Set<String>) -> Bool {
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return false }
        guard let folder = folders[event.wd] else { return true }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[event.wd] = nil
            return true
        }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            // The site folder itself went; a folder inside reports this and its parent
            // reports the deletion or move by name.
            return !folder.isEmpty
        }
        let path = folder.isEmpty ? name : folder + "/" + name
        // In the site folder, only the names that make the site (not public/).
        if folder.isEmpty && !SiteWatchers.watchedPaths.contains(name) { return true }
        if mask & UInt32(IN_ISDIR) != 0 {
            changed.insert(path + "/")
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                var found: [String] = []
                do { try watchTree(path, found: &found) } catch { return false }
                changed.formUnion(found)
            } else if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 {
                unwatch(below: path)
            }
            return true
        }
        changed.insert(path)
        if mask & UInt32(IN_CREATE | IN_MOVED_TO | IN_ATTRIB) != 0 {
            var status = stat()
            if lstat(rootPath + "/" + path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK { links.insert(path) } else { links.remove(path) }
        } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
            links.remove(path)
        }
        return true
    }

    // MARK: Watches

    /// Watches `relative` and every real folder below it; `found` gets the files in
    /// them (all new to a watcher that has just seen the folder appear).
    private func watchTree(_ relative: String, found: inout [String]) throws(WatchSetupError) {
        guard try watch(relative, following: false) else { return }
        guard let directory = opendir(rootPath + "/" + relative) else { return }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = relative + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var status = stat()
                guard lstat(rootPath + "/" + path, &status) == 0 else { continue }
                type = (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : (status.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                folders.append(path)
            } else {
                if type == UInt8(DT_LNK) { links.insert(path) }
                found.append(path)
            }
        }
        for folder in folders { try watchTree(folder, found: &found) }
    }

    /// Adds a watch on one folder; false when it is not a folder (or is a link to one).
    @discardableResult
    private func watch(_ relative: String, following: Bool) throws(WatchSetupError) -> Bool {
        let path = relative.isEmpty ? rootPath : rootPath + "/" + relative
        let mask = Self.folderEvents | UInt32(IN_ONLYDIR) | (following ? 0 : UInt32(IN_DONT_FOLLOW))
        let descriptor = inotify_add_watch(events, path, mask)
        guard descriptor >= 0 else {
            switch errno {
            case ENOSPC:
                throw WatchSetupError(description: "the system's limit on inotify watches is reached; raise fs.inotify.max_user_watches")
            case ENOMEM:
                throw WatchSetupError(description: "inotify: " + SystemErrorText.describe(errno: ENOMEM))
            default:
                return false  // Gone, not a folder, a link, or unreadable: the build reports it.
            }
        }
        folders[descriptor] = relative
        return true
    }

    /// Stops watching a folder that moved away or was deleted, and what was below it.
    private func unwatch(below relative: String) {
        for (descriptor, folder) in folders where folder == relative || folder.hasPrefix(relative + "/") {
            inotify_rm_watch(events, descriptor)
            folders[descriptor] = nil
        }
        links = links.filter { !$0.hasPrefix(relative + "/") }
    }

    /// After lost events: every watch made again from what is on disk now.
    private func rewatchEverything() {
        for descriptor in folders.keys { inotify_rm_watch(events, descriptor) }
        folders = [:]
        links = []
        var ignored: [String] = []
        _ = try? watch("", following: true)
        for name in SiteWatchers.watchedPaths { try? watchTree(name, found: &ignored) }
    }
}
