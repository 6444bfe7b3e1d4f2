import Foundation

/// The in-place path of a cached build: when the output folder still holds exactly
/// what the cache says the last build published, the few files that changed are
/// written into it directly instead of staging and swapping a whole new tree (which
/// at 10,000 incidents means writing 33,000 files to change 700).
///
/// The files are rendered into memory first, so a failing build has written nothing.
/// While the update runs, the marker file says so: a build killed half-way leaves a
/// folder whose token no cache has, and the next build replaces it whole. Each file is
/// written beside its final name and renamed over it, so a reader (or a deploy step)
/// never sees half a file.
extension DiskOutput {
    /// The token in the marker of the folder at `path`, or nil (no marker, or one that
    /// says an update was interrupted).
    static func token(ofFolder path: String) -> String? {
        guard let text = try? String(contentsOfFile: path + "/" + markerName, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n")
        guard let line = lines.first(where: { $0.hasPrefix("build: ") }) else { return nil }
        let token = String(line.dropFirst("build: ".count))
        return token == "updating" ? nil : token
    }

    /// Writes `files` into the published folder `folder` and removes `removed`; returns
    /// the new token and the paths whose bytes changed or that went, sorted as
    /// `changedPaths` sorts them.
    static func update(_ folder: String, shownAs shown: String, files: [String: MemoryFile], removing removed: [String]) throws(BuildFailure) -> (token: String, changed: [String]) {
        let outputLock = lockOutput(folder)
        defer { unlock(outputLock) }
        try writeFile(at: folder + "/" + markerName, shownAs: shown + "/" + markerName, bytes: marker(token: "updating"))
        var changed: [String] = []
        for (path, file) in files.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let target = folder + "/" + path
            if hasSameBytes(target, file) { continue }
            try makeParents(of: path, in: folder, shownAs: shown)
            let slash = target.lastIndex(of: "/")!
            let temporary = String(target[..<slash]) + "/.incidents-new-" + String(target[target.index(after: slash)...])
            do {
                let descriptor = try create(temporary, shownAs: shown + "/" + path)
                defer { close(descriptor) }
                for part in file.parts { try part.withUnsafeBufferPointer { try writeAll($0, to: descriptor, path: shown + "/" + path) } }
            } catch let failure as BuildFailure {
                unlink(temporary)
                throw failure
            } catch {
                unlink(temporary)
                throw BuildFailure(Diagnostic(SourceLocation(wholeFile: shown + "/" + path), "could not be written (\(SystemErrorText.describe(error)))"))
            }
            guard rename(temporary, target) == 0 else {
                let code = errno
                unlink(temporary)
                throw failure(shown + "/" + path, "could not be replaced", code)
            }
            changed.append(path)
        }
        for path in removed {
            guard unlink(folder + "/" + path) == 0 || errno == ENOENT else { throw failure(shown + "/" + path, "could not be removed", errno) }
            changed.append(path)
            // A folder left empty goes too, as a build from nothing would not have it.
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty, rmdir(folder + "/" + parent) == 0 {
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        let token = newToken()
        try writeFile(at: folder + "/" + markerName, shownAs: shown + "/" + markerName, bytes: marker(token: token))
        return (token, changed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// Whether the file at `path` holds `file`'s bytes: read only when the sizes agree.
    private static func hasSameBytes(_ path: String, _ file: MemoryFile) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, Int(status.st_size) == file.count, let old = FileManager.default.contents(atPath: path) else { return false }
        var offset = 0
        return old.withUnsafeBytes { oldBytes in
            file.parts.allSatisfy { part in
                defer { offset += part.count }
                return part.isEmpty || part.withUnsafeBytes { memcmp(oldBytes.baseAddress! + offset, $0.baseAddress!, part.count) == 0 }
            }
        }
    }

    /// The marker file's text.
    static func marker(token: String) -> [UInt8] {
        Array("This folder is written by `incidents build`; edits here are lost on the next build.\nbuild: \(token)\n".utf8)
    }

    static func newToken() -> String {
        (0..<4).map { _ in String(UInt32.random(in: 0...UInt32.max), radix: 16) }.joined(separator: "-")
    }

    /// An advisory lock on the output folder's parent (a folder, so no lock file is left
    /// beside the site), held while a build swaps the output or updates it in place, so
    /// the two never interleave.
    static func lockOutput(_ folder: String) -> Int32 {
        let parent = (folder as NSString).deletingLastPathComponent
        let descriptor = open(parent.isEmpty ? "/" : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 { flock(descriptor, LOCK_EX) }
        return descriptor
    }

    static func unlock(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func makeParents(of path: String, in folder: String, shownAs shown: String) throws(BuildFailure) {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        var status = stat()
        if stat(folder + "/" + parent, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else { throw BuildFailure(Diagnostic(SourceLocation(wholeFile: shown + "/" + parent), "is a file where the build needs a folder")) }
            return
        }
        try makeParents(of: parent, in: folder, shownAs: shown)
        guard mkdir(folder + "/" + parent, 0o755) == 0 || errno == EEXIST else { throw failure(shown + "/" + parent, "could not be created as a folder", errno) }
    }
}
