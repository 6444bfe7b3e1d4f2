import Foundation
internal import CPlatform

/// Writes a build into a private staging folder beside the output folder, then swaps
/// it into place in one step when the whole build has succeeded.
///
/// A failed or killed build therefore leaves the previous site exactly as it was.
/// The output folder carries a marker file; a non-empty folder without it is never
/// replaced, so `--output ~` cannot wipe a user's files. Refused as well: the site
/// folder itself, a folder that contains it, and a folder inside one the build reads
/// (`static/`, `content/`, `templates/`), which would copy each build into the next.
///
/// An output path that is a symbolic link to a folder is written through: the site is
/// published into the folder the link names, and the link stays as it is.
///
/// Every problem is a `BuildFailure` naming the path and the operating system's reason.
public final class DiskOutput: OutputSink, @unchecked Sendable {
    /// Name of the marker file that says "this folder was written by incidents".
    public static let markerName = ".incidents-output"
    private static let stagingInfix = ".incidents-staging-"
    private static let previousInfix = ".incidents-previous-"

    /// The output folder as the user named it, for messages.
    public let outputPath: String
    /// The folder the site is published into: `outputPath` with symbolic links resolved.
    public let publishedPath: String
    public let stagingPath: String
    /// Written into the marker file: tells the build cache that the folder still holds
    /// what this build published.
    public let token = DiskOutput.newToken()
    private let lock = NSLock()
    private var createdDirectories: Set<String> = []
    private var finished = false

    /// Prepares a staging folder for `outputPath`; refuses a folder it does not own, and
    /// any folder that would put the site at `sourceRoot` at risk.
    public init(outputPath: String, sourceRoot: String) throws(BuildFailure) {
        let given = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        self.outputPath = given
        publishedPath = try Self.resolve(given)
        try Self.checkPlacement(publishedPath, shownAs: given, sourceRoot: SiteFiles.realPath(sourceRoot) ?? sourceRoot)
        try Self.checkOwnership(of: publishedPath, shownAs: given)

        let parent = (publishedPath as NSString).deletingLastPathComponent
        let name = (publishedPath as NSString).lastPathComponent
        Self.removeAbandonedStaging(in: parent, outputName: name)
        stagingPath = parent + "/.\(name)\(Self.stagingInfix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard mkdir(stagingPath, 0o755) == 0 else {
            throw Self.failure(given, "cannot be written: the build needs a folder beside it, in \(parent), and creating it failed", errno)
        }
        try Self.writeFile(at: stagingPath + "/" + Self.markerName, shownAs: given + "/" + Self.markerName, bytes: Self.marker(token: token))
    }

    deinit {
        if !finished { discard() }
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        try UnsafeOutputPath.check(path)
        try prepareParent(of: path)
        try bytes.withUnsafeBufferPointer { try Self.writeFile(at: stagingPath + "/" + path, shownAs: shown(path), bytes: $0) }
    }

    public func write(to path: String, parts produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        try UnsafeOutputPath.check(path)
        try prepareParent(of: path)
        let descriptor = try Self.create(stagingPath + "/" + path, shownAs: shown(path))
        defer { close(descriptor) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        try produce { part in
            buffer.append(contentsOf: part)
            if buffer.count >= 1 << 20 {
                try buffer.withUnsafeBufferPointer { try Self.writeAll($0, to: descriptor, path: shown(path)) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try buffer.withUnsafeBufferPointer { try Self.writeAll($0, to: descriptor, path: shown(path)) }
    }

    public func copy(_ sourcePath: String, from files: SiteFiles, to path: String) throws {
        try UnsafeOutputPath.check(path)
        try prepareParent(of: path)
        let descriptor = try Self.create(stagingPath + "/" + path, shownAs: shown(path))
        defer { close(descriptor) }
        try files.copyStaticFile(sourcePath, to: descriptor, written: shown(path))
    }

    public func remove(_ path: String) throws {
        try UnsafeOutputPath.check(path)
        if unlink(stagingPath + "/" + path) != 0 && errno != ENOENT {
            throw Self.failure(shown(path), "could not be removed", errno)
        }
    }

    /// The output paths the staged site changes against the folder it will replace,
    /// sorted: files that are new or whose bytes differ, and files it no longer has
    /// (`--changed-list`, for a deploy step that uploads and deletes only those). Read
    /// from the two folders, so the list is exact however the site was built.
    public func changedPaths() throws -> [String] {
        let staged = try Self.files(under: stagingPath, shownAs: outputPath)
        var status = stat()
        let hasPrevious = stat(publishedPath, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        let previous = hasPrevious ? try Self.files(under: publishedPath, shownAs: outputPath) : []
        let before = Set(previous)
        var changed: [String] = []
        for path in staged where path != Self.markerName {
            guard before.contains(path) else { changed.append(path); continue }
            if !Self.sameBytes(stagingPath + "/" + path, publishedPath + "/" + path) { changed.append(path) }
        }
        let now = Set(staged)
        changed += previous.filter { $0 != Self.markerName && !now.contains($0) }
        return changed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Whether two files hold the same bytes: read only when their sizes agree.
    static func sameBytes(_ one: String, _ other: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(one, &first) == 0, stat(other, &second) == 0, first.st_size == second.st_size,
              let a = FileManager.default.contents(atPath: one), let b = FileManager.default.contents(atPath: other) else { return false }
        return a == b
    }

    /// Every regular file under `folder`, as paths relative to it.
    private static func files(under folder: String, shownAs shown: String) throws(BuildFailure) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw Self.failure(shown, "could not be listed to compare with the new build", errno)
        }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular { found.append(path) }
        }
        return found
    }

    /// Puts the staged site in place of the output folder, atomically when one exists.
    public func commit() throws {
        lock.withLock { finished = true }
        // Not while a cached build updates the folder in place.
        let outputLock = Self.lockOutput(publishedPath)
        defer { Self.unlock(outputLock) }
        // Checked again: the folder may have changed since the build started.
        do {
            try Self.checkOwnership(of: publishedPath, shownAs: outputPath)
        } catch {
            discard()
            throw error
        }
        var status = stat()
        if lstat(publishedPath, &status) != 0 {
            if rename(stagingPath, publishedPath) == 0 { return }
            // Another build created the folder in the meantime: swap with it instead.
            guard errno == EEXIST || errno == ENOTEMPTY else {
                let code = errno
                discard()
                throw Self.failure(outputPath, "could not be created from the finished build", code)
            }
        }
        if incidents_rename_exchange(stagingPath, publishedPath) != 0 {
            let code = errno
            discard()
            throw Self.failure(outputPath, "could not be replaced by the finished build", code)
        }
        // After the exchange, the staging path holds the previous site. Deleting tens of
        // thousands of files takes seconds on some disks and the new site is already in
        // place, so a separate process does it; a leftover is removed by the next build.
        Self.removeInBackground(stagingPath)
    }

    /// Removes the staging folder and leaves the output folder as it was.
    public func discard() {
        lock.withLock { finished = true }
        try? FileManager.default.removeItem(atPath: stagingPath)
    }

    // MARK: Placement

    /// The folder to publish into: the given path, or the folder a symbolic link there names.
    static func resolve(_ given: String) throws(BuildFailure) -> String {
        var status = stat()
        if lstat(given, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                return SiteFiles.realPath(given) ?? given
            case S_IFLNK:
                guard let target = SiteFiles.realPath(given) else {
                    throw BuildFailure(Diagnostic(SourceLocation(wholeFile: given), "is a symbolic link to a missing folder, expected a folder for the site"))
                }
                var targetStatus = stat()
                guard stat(target, &targetStatus) == 0, (targetStatus.st_mode & S_IFMT) == S_IFDIR else {
                    throw BuildFailure(Diagnostic(SourceLocation(wholeFile: given), "is a symbolic link to \(target), which is not a folder; expected a folder for the site"))
                }
                return target
            default:
                throw BuildFailure(Diagnostic(SourceLocation(wholeFile: given), "refusing to replace it: it is a file, expected a folder for the site"))
            }
        }
        guard errno == ENOENT else { throw failure(given, "cannot be used", errno) }
        // A new folder: its parent must exist (it is created when missing).
        let parent = (given as NSString).deletingLastPathComponent
        if SiteFiles.realPath(parent) == nil {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw BuildFailure(Diagnostic(SourceLocation(wholeFile: given),
                                              "cannot be created: its parent folder \(parent) does not exist and could not be created (\(SystemErrorText.describe(error)))"))
            }
        }
        return (SiteFiles.realPath(parent) ?? parent) + "/" + (given as NSString).lastPathComponent
    }

    /// Refuses an output folder that would delete or feed on the site's own files.
    static func checkPlacement(_ output: String, shownAs given: String, sourceRoot: String) throws(BuildFailure) {
        func refuse(_ reason: String) -> BuildFailure {
            BuildFailure(Diagnostic(SourceLocation(wholeFile: given), reason))
        }
        if output == sourceRoot {
            throw refuse("is the site folder itself; expected a folder of its own for the output, such as public/")
        }
        if sourceRoot.hasPrefix(output + "/") || output == "/" {
            throw refuse("contains the site folder (\(sourceRoot)); publishing there would replace the site's own files. Expected a folder such as public/")
        }
        for folder in ["static", "content", "templates"] where output.hasPrefix(sourceRoot + "/" + folder + "/") || output == sourceRoot + "/" + folder {
            throw refuse("is inside the site's \(folder)/ folder, which the build reads, so each build would take in the one before; expected a folder such as public/")
        }
    }

    static func checkOwnership(of path: String, shownAs given: String) throws(BuildFailure) {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: given), "refusing to replace it: it is a file, expected a folder for the site"))
        }
        guard let directory = opendir(path) else { throw failure(given, "cannot be read to check that it was written by incidents", errno) }
        defer { closedir(directory) }
        var isEmpty = true
        var hasMarker = false
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            isEmpty = false
            if name == markerName { hasMarker = true }
        }
        if !isEmpty && !hasMarker {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: given), "refusing to replace it: the folder is not empty and was not written by incidents (it has no \(markerName) file); choose an empty or new folder with --output"))
        }
    }

    // MARK: Writing

    /// `path` as messages show it: inside the output folder the user named.
    private func shown(_ path: String) -> String { outputPath + "/" + path }

    private func prepareParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        try createDirectory(String(path[..<slash]))
    }

    /// `mkdir` directly, parents first when missing: FileManager's recursive creation
    /// stats every component and cost more than writing the page.
    private func createDirectory(_ directory: String) throws {
        guard lock.withLock({ !createdDirectories.contains(directory) }) else { return }
        let path = stagingPath + "/" + directory
        if mkdir(path, 0o755) != 0 {
            switch errno {
            case EEXIST:
                break
            case ENOENT:
                if let slash = directory.lastIndex(of: "/") { try createDirectory(String(directory[..<slash])) }
                if mkdir(path, 0o755) != 0 && errno != EEXIST {
                    throw Self.failure(shown(directory), "could not be created as a folder", errno)
                }
            default:
                throw Self.failure(shown(directory), "could not be created as a folder", errno)
            }
        }
        lock.withLock { _ = createdDirectories.insert(directory) }
    }

    private static func writeFile(at path: String, shownAs shown: String, bytes: UnsafeBufferPointer<UInt8>) throws {
        let descriptor = try create(path, shownAs: shown)
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: shown)
    }

    static func writeFile(at path: String, shownAs shown: String, bytes: [UInt8]) throws(BuildFailure) {
        do {
            try bytes.withUnsafeBufferPointer { try writeFile(at: path, shownAs: shown, bytes: $0) }
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: shown), "could not be written (\(SystemErrorText.describe(error)))"))
        }
    }

    /// A new empty file at `path`, open for writing (an existing one is truncated).
    static func create(_ path: String, shownAs shown: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(shown, "could not be created", errno) }
        return descriptor
    }

    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "could not be written", errno)
            }
            offset += written
        }
    }

    /// `path: what (reason)`, with the operating system's reason for `code` in words.
    static func failure(_ path: String, _ what: String, _ code: Int32) -> BuildFailure {
        BuildFailure(Diagnostic(SourceLocation(wholeFile: path), "\(what) (\(SystemErrorText.describe(errno: code)))"))
    }

    // MARK: Removing old trees

    /// Renames `path` out of the way at once, then lets a shell delete it after this
    /// process has moved on (or exited). A tree with read-only folders (an output folder
    /// made read-only) is made writable first, so nothing is left behind.
    private static func removeInBackground(_ path: String) {
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let doomed = parent + "/" + name.replacingOccurrences(of: stagingInfix, with: previousInfix)
        let target = rename(path, doomed) == 0 ? doomed : path
        let remover = Process()
        remover.executableURL = URL(fileURLWithPath: "/bin/sh")
        // It needs no working folder, and the caller's may be one this user cannot enter
        // (Process changes into it first, and fails to start there).
        remover.currentDirectoryURL = URL(fileURLWithPath: "/")
        remover.arguments = ["-c", #"rm -rf -- "$1" 2>/dev/null || { chmod -R u+rwx -- "$1"; rm -rf -- "$1"; }"#, "sh", target]
        remover.standardOutput = FileHandle.nullDevice
        remover.standardError = FileHandle.nullDevice
        do {
            try remover.run()
        } catch {
            try? FileManager.default.removeItem(atPath: target)
        }
    }

    /// Staging folders of builds that were killed, and previous sites whose removal was
    /// interrupted: their process is gone.
    private static func removeAbandonedStaging(in parent: String, outputName: String) {
        let prefixes = [stagingInfix, previousInfix].map { ".\(outputName)\($0)" }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
            guard let prefix = prefixes.first(where: entry.hasPrefix) else { continue }
            let pidText = entry.dropFirst(prefix.count).prefix { $0 != "-" }
            if let pid = Int32(pidText), kill(pid, 0) != 0 && errno == ESRCH {
                removeInBackground(parent + "/" + entry)
            }
        }
    }
}
