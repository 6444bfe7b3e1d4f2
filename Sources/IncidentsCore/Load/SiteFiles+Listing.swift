import Foundation

extension SiteFiles {
    /// Walks the site's folders by their bytes (`readdir`), applying the boundary's rules
    /// to every entry and recording a located problem for each entry it cannot accept.
    struct Lister {
        let root: String
        private(set) var diagnostics: [Diagnostic] = []
        /// Size, modification time and inode of each file accepted, hashed, by site-relative
        /// path: what tells a later build that a static file changed, without reading it.
        private(set) var stamps: [String: Int] = [:]
        /// Top-level folders already refused (`content` serves two folders of the site).
        private var refusedFolders = Set<String>()

        init(root: String) {
            self.root = root
        }

        /// Whether the top-level file `name` (`site.yml`) exists and may be read.
        mutating func checkFile(_ name: String) -> Bool {
            var status = stat()
            guard lstat(root + "/" + name, &status) == 0 else { return false }
            return accept(name, status: status, isDirectoryAllowed: false)
        }

        /// The files under `folder` (site-relative, sorted). A folder that does not exist
        /// is empty; every component of its path must be a real folder.
        mutating func listFolder(_ folder: String, recursive: Bool, includeHidden: Bool) -> [String] {
            // `content/incidents`: `content` and `content/incidents` must both be real folders.
            var prefix = ""
            for component in folder.split(separator: "/") {
                prefix += (prefix.isEmpty ? "" : "/") + component
                var status = stat()
                guard !refusedFolders.contains(prefix) else { return [] }
                guard lstat(root + "/" + prefix, &status) == 0 else {
                    if errno != ENOENT { diagnostics.append(SiteFiles.readFailure(prefix, errno: errno, what: "folder")) }
                    return []
                }
                if (status.st_mode & S_IFMT) != S_IFDIR { refusedFolders.insert(prefix) }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: continue
                case S_IFLNK:
                    diagnostics.append(Diagnostic(SourceLocation(wholeFile: prefix),
                                                  "is a symbolic link, which is not followed; expected a real folder inside the site"))
                    return []
                default:
                    diagnostics.append(Diagnostic(SourceLocation(wholeFile: prefix), "is \(SiteFiles.unreadableKind(status.st_mode) ?? "a file"), expected a folder"))
                    return []
                }
            }
            var found: [String] = []
            walk(folder, recursive: recursive, includeHidden: includeHidden, into: &found)
            return found.sorted()
        }

        private mutating func walk(_ folder: String, recursive: Bool, includeHidden: Bool, into found: inout [String]) {
            guard let entries = readFolder(folder) else { return }
            for (name, status) in entries where includeHidden || !name.hasPrefix(".") {
                let relative = folder + "/" + name
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    if recursive { walk(relative, recursive: true, includeHidden: includeHidden, into: &found) }
                } else if accept(relative, status: status, isDirectoryAllowed: false) {
                    found.append(relative)
                }
            }
        }

        /// The entries of one folder with their `lstat`, names checked: UTF-8, and no two
        /// that differ only in Unicode normalisation. Nil (with a diagnostic) when the
        /// folder cannot be read.
        private mutating func readFolder(_ folder: String) -> [(name: String, status: stat)]? {
            let path = root + "/" + folder
            guard let directory = opendir(path) else {
                diagnostics.append(Diagnostic(SourceLocation(wholeFile: folder),
                                              SiteFiles.readFailure(folder, errno: errno, what: "folder").message
                                                + "; the files in it would be missing from the site"))
                return nil
            }
            defer { closedir(directory) }
            let descriptor = dirfd(directory)
            var entries: [(name: String, status: stat)] = []
            // Swift compares strings by canonical equivalence: a name written in NFC and the
            // same name in NFD are equal here, though they are two files on disk.
            var seen: [String: [UInt8]] = [:]
            // Equal as Swift strings, so this set holds both names of a pair.
            var collided = Set<String>()
            while true {
                errno = 0
                guard let entry = readdir(directory) else {
                    if errno != 0 { diagnostics.append(SiteFiles.readFailure(folder, errno: errno, what: "folder")) }
                    break
                }
                let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
                if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
                guard let name = String(validating: bytes, as: UTF8.self) else {
                    diagnostics.append(Diagnostic(SourceLocation(wholeFile: folder + "/" + Self.escapedName(bytes)),
                                                  "the name is not UTF-8 text, expected a UTF-8 file name; rename it"))
                    continue
                }
                if let other = seen[name] {
                    let first = String(decoding: other, as: UTF8.self)
                    for (path, twin) in [(first, name), (name, first)] {
                        diagnostics.append(Diagnostic(SourceLocation(wholeFile: folder + "/" + path),
                                                      "has the same name as \(folder)/\(twin) in another Unicode normalisation (\(Self.form(path)) and \(Self.form(twin))); rename one of them"))
                    }
                    collided.insert(name)
                    continue
                }
                seen[name] = bytes
                var status = stat()
                guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
                    diagnostics.append(SiteFiles.readFailure(folder + "/" + name, errno: errno))
                    continue
                }
                entries.append((name, status))
            }
            // A pair that collides is refused whole: neither name is built from.
            return collided.isEmpty ? entries : entries.filter { !collided.contains($0.name) }
        }

        /// Whether the entry at `relative` is a file the build may read; records why not.
        mutating func accept(_ relative: String, status: stat, isDirectoryAllowed: Bool) -> Bool {
            let path = root + "/" + relative
            switch status.st_mode & S_IFMT {
            case S_IFREG:
                stamps[relative] = Self.stamp(status)
                return readable(path, relative)
            case S_IFLNK:
                // A link may only name a file inside the site; folders are not followed,
                // so a link can neither leak outside files into the output nor loop.
                guard let target = SiteFiles.realPath(path) else {
                    diagnostics.append(Diagnostic(SourceLocation(file: relative, line: 1, column: 1),
                                                  "is a symbolic link to a missing file (or a loop), expected an existing file"))
                    return false
                }
                guard target.hasPrefix(root + "/") else {
                    diagnostics.append(Diagnostic(SourceLocation(file: relative, line: 1, column: 1),
                                                  "is a symbolic link to \(target), outside the site; expected a file inside the site folder"))
                    return false
                }
                var targetStatus = stat()
                guard stat(target, &targetStatus) == 0 else {
                    diagnostics.append(SiteFiles.readFailure(relative, errno: errno))
                    return false
                }
                if (targetStatus.st_mode & S_IFMT) == S_IFDIR {
                    diagnostics.append(Diagnostic(SourceLocation(file: relative, line: 1, column: 1),
                                                  "is a symbolic link to a folder, which is not followed; expected files or real folders"))
                    return false
                }
                if let kind = SiteFiles.unreadableKind(targetStatus.st_mode) {
                    diagnostics.append(Diagnostic(SourceLocation(file: relative, line: 1, column: 1),
                                                  "is a symbolic link to \(kind), expected a regular file"))
                    return false
                }
                stamps[relative] = Self.stamp(targetStatus)
                return readable(target, relative)
            default:
                if isDirectoryAllowed && (status.st_mode & S_IFMT) == S_IFDIR { return true }
                diagnostics.append(Diagnostic(SourceLocation(file: relative, line: 1, column: 1),
                                              "is \(SiteFiles.unreadableKind(status.st_mode) ?? "not a regular file"), expected a regular file"))
                return false
            }
        }

        private mutating func readable(_ path: String, _ relative: String) -> Bool {
            guard access(path, R_OK) == 0 else {
                diagnostics.append(SiteFiles.readFailure(relative, errno: errno))
                return false
            }
            return true
        }

        /// A name that is not UTF-8, shown with its undecodable bytes as `\xE9`.
        static func escapedName(_ bytes: [UInt8]) -> String {
            var shown = ""
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let width = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                if index + width <= bytes.count, let text = String(validating: bytes[index..<index + width], as: UTF8.self) {
                    shown += text
                    index += width
                } else {
                    shown += String(format: "\\x%02X", lead)
                    index += 1
                }
            }
            return shown
        }

        static func stamp(_ status: stat) -> Int {
            var hasher = Hasher()
            hasher.combine(Int(status.st_size))
            hasher.combine(Int(status.st_mtim.tv_sec))
            hasher.combine(Int(status.st_mtim.tv_nsec))
            hasher.combine(UInt(status.st_ino))
            return hasher.finalize()
        }

        private static func form(_ name: String) -> String {
            name.utf8.elementsEqual(name.precomposedStringWithCanonicalMapping.utf8) ? "NFC" : "NFD"
        }
    }
}
