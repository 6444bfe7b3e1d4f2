import Foundation

/// Finds which of a site's source files changed since it last looked: `site.yml`,
/// `content/`, `templates/` and `static/`, compared by modification time, size and
/// inode.
///
/// It polls rather than subscribing to inotify: polling also sees editors that save
/// by renaming a temporary file, folders created after start, and network or
/// container mounts that deliver no events. One poll of a 10,000-file site costs a
/// few milliseconds of `lstat`.
public struct SiteWatcher: Sendable {
    /// What identifies one version of a file without reading it.
    struct Stamp: Equatable, Sendable {
        var modified: Int
        var size: Int
        var inode: UInt
    }

    public let rootPath: String
    /// The folders and files watched, relative to the site.
    public static let watchedPaths = ["site.yml", "content", "templates", "static"]
    private var stamps: [String: Stamp]

    /// Remembers the current state of the site's files.
    public init(rootPath: String) {
        self.rootPath = URL(fileURLWithPath: rootPath).standardizedFileURL.path
        self.stamps = [:]
        self.stamps = scan()
    }

    /// The site-relative paths created, changed or deleted since the last call (or
    /// since `init`), sorted.
    public mutating func changes() -> [String] {
        let current = scan()
        var changed: [String] = []
        for (path, stamp) in current where stamps[path] != stamp { changed.append(path) }
        for path in stamps.keys where current[path] == nil { changed.append(path) }
        stamps = current
        return changed.sorted()
    }

    private func scan() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        result.reserveCapacity(stamps.count)
        for path in Self.watchedPaths { visit(path, into: &result) }
        return result
    }

    /// Records a file, or everything below a folder. Symbolic links are followed for
    /// files (a link's target changing is a change) but not into folders, as the
    /// build does.
    private func visit(_ relativePath: String, into result: inout [String: Stamp]) {
        let absolutePath = rootPath + "/" + relativePath
        var status = stat()
        guard lstat(absolutePath, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFLNK {
            var target = stat()
            guard stat(absolutePath, &target) == 0, (target.st_mode & S_IFMT) != S_IFDIR else { return }
            status = target
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            guard let directory = opendir(absolutePath) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                visit(relativePath + "/" + name, into: &result)
            }
        } else {
            result[relativePath] = Stamp(modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec),
                                         size: Int(status.st_size), inode: UInt(status.st_ino))
        }
    }
}
