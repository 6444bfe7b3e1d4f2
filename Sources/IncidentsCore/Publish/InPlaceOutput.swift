import Foundation

/// The output of a cached build that changes few files (`build --cache`): when the
/// output folder still holds exactly what the cache says the last build published,
/// the changed files are written into it instead of staging and swapping a whole new
/// tree (at 10,000 incidents, 33,000 files written to change a handful).
///
/// Each file is first written beside its final name (`.incidents-new-<name>`), so a
/// failing build is discarded with nothing changed; `commit` then renames each over
/// its name (a reader or a deploy step never sees half a file) and removes the files
/// no longer planned. While it does, the marker says `updating`: a build killed
/// half-way leaves a folder whose token no cache has, and the next build writes it
/// whole.
public final class InPlaceOutput: OutputSink, @unchecked Sendable {
    /// The folder published into, and as the user named it (for messages).
    let folder: String
    let shownPath: String
    private let lock = NSLock()
    private var written: [String] = []
    private var removed: [String] = []
    private var createdDirectories: [String] = []
    private var knownDirectories: Set<String> = []

    init(folder: String, shownAs shown: String) {
        self.folder = folder
        shownPath = shown
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { emit in try emit(bytes) }
    }

    public func write(to path: String, parts produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        try UnsafeOutputPath.check(path)
        try prepareParent(of: path)
        let descriptor = try DiskOutput.create(temporary(path), shownAs: shown(path))
        lock.withLock { written.append(path) }
        defer { close(descriptor) }
        try produce { part in try part.withUnsafeBufferPointer { try DiskOutput.writeAll($0, to: descriptor, path: shown(path)) } }
    }

    public func copy(_ sourcePath: String, from files: SiteFiles, to path: String) throws {
        try UnsafeOutputPath.check(path)
        try prepareParent(of: path)
        let descriptor = try DiskOutput.create(temporary(path), shownAs: shown(path))
        lock.withLock { written.append(path) }
        defer { close(descriptor) }
        try files.copyStaticFile(sourcePath, to: descriptor, written: shown(path))
    }

    public func remove(_ path: String) throws {
        try UnsafeOutputPath.check(path)
        lock.withLock { removed.append(path) }
    }

    /// Puts every written file in place and removes the removed ones; returns the new
    /// token and the paths whose bytes changed or that went, sorted as
    /// `DiskOutput.changedPaths` sorts them.
    func commit() throws(BuildFailure) -> (token: String, changed: [String]) {
        let outputLock = DiskOutput.lockOutput(folder)
        defer { DiskOutput.unlock(outputLock) }
        let marker = folder + "/" + DiskOutput.markerName
        try DiskOutput.writeFile(at: marker, shownAs: shown(DiskOutput.markerName), bytes: DiskOutput.marker(token: "updating"))
        var changed: [String] = []
        for path in written {
            if DiskOutput.sameBytes(temporary(path), folder + "/" + path) {
                unlink(temporary(path))
                continue
            }
            guard rename(temporary(path), folder + "/" + path) == 0 else {
                throw DiskOutput.failure(shown(path), "could not be replaced", errno)
            }
            changed.append(path)
        }
        for path in removed {
            guard unlink(folder + "/" + path) == 0 || errno == ENOENT else { throw DiskOutput.failure(shown(path), "could not be removed", errno) }
            changed.append(path)
            // A folder left empty goes too, as a build from nothing would not have it.
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty, rmdir(folder + "/" + parent) == 0 {
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        let token = DiskOutput.newToken()
        try DiskOutput.writeFile(at: marker, shownAs: shown(DiskOutput.markerName), bytes: DiskOutput.marker(token: token))
        return (token, changed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// Removes what was written beside the files, and the folders made for it.
    func discard() {
        for path in lock.withLock({ written }) { unlink(temporary(path)) }
        for directory in lock.withLock({ createdDirectories }).reversed() { rmdir(folder + "/" + directory) }
    }

    // MARK: Private

    private func shown(_ path: String) -> String { shownPath + "/" + path }

    private func temporary(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return folder + "/.incidents-new-" + path }
        return folder + "/" + path[..<slash] + "/.incidents-new-" + path[path.index(after: slash)...]
    }

    private func prepareParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        try prepare(String(path[..<slash]))
    }

    private func prepare(_ directory: String) throws {
        guard lock.withLock({ !knownDirectories.contains(directory) }) else { return }
        var status = stat()
        if stat(folder + "/" + directory, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                throw BuildFailure(Diagnostic(SourceLocation(wholeFile: shown(directory)), "is a file where the build needs a folder"))
            }
        } else {
            if let slash = directory.lastIndex(of: "/") { try prepare(String(directory[..<slash])) }
            guard mkdir(folder + "/" + directory, 0o755) == 0 || errno == EEXIST else {
                throw DiskOutput.failure(shown(directory), "could not be created as a folder", errno)
            }
            lock.withLock { createdDirectories.append(directory) }
        }
        lock.withLock { _ = knownDirectories.insert(directory) }
    }
}
