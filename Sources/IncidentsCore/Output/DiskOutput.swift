import Foundation
internal import CPlatform

/// Writes a build into a private staging folder beside the output folder, then swaps
/// it into place in one step when the whole build has succeeded.
///
/// A failed or killed build therefore leaves the previous site exactly as it was.
/// The output folder carries a marker file; a non-empty folder without it is never
/// replaced, so `--output ~` cannot wipe a user's files.
public final class DiskOutput: OutputSink, @unchecked Sendable {
    /// Name of the marker file that says "this folder was written by incidents".
    public static let markerName = ".incidents-output"
    private static let stagingInfix = ".incidents-staging-"
    private static let previousInfix = ".incidents-previous-"

    public let outputPath: String
    public let stagingPath: String
    private let lock = NSLock()
    private var createdDirectories: Set<String> = []
    private var finished = false

    /// Prepares a staging folder for `outputPath`; refuses a folder it does not own.
    public init(outputPath: String) throws {
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL
        self.outputPath = output.path
        let fileManager = FileManager.default
        try Self.checkOwnership(of: output.path)

        let parent = output.deletingLastPathComponent().path
        try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        Self.removeAbandonedStaging(in: parent, outputName: output.lastPathComponent)
        let name = ".\(output.lastPathComponent)\(Self.stagingInfix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        stagingPath = parent + "/" + name
        try fileManager.createDirectory(atPath: stagingPath, withIntermediateDirectories: false)
        try Self.writeFile(at: stagingPath + "/" + Self.markerName,
                           bytes: Array("This folder is written by `incidents build`; edits here are lost on the next build.\n".utf8))
    }

    deinit {
        if !finished { discard() }
    }

    public func write(_ contents: String, to path: String) throws {
        try UnsafeOutputPath.check(path)
        try prepareParent(of: path)
        var contents = contents
        try contents.withUTF8 { bytes in
            try Self.writeFile(at: stagingPath + "/" + path, bytes: bytes)
        }
    }

    public func write(to path: String, parts produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        try UnsafeOutputPath.check(path)
        try prepareParent(of: path)
        let fullPath = stagingPath + "/" + path
        let descriptor = try Self.create(fullPath)
        defer { close(descriptor) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        try produce { part in
            buffer.append(contentsOf: part)
            if buffer.count >= 1 << 20 {
                try buffer.withUnsafeBufferPointer { try Self.writeAll($0, to: descriptor, path: fullPath) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try buffer.withUnsafeBufferPointer { try Self.writeAll($0, to: descriptor, path: fullPath) }
    }

    public func copy(fileAt sourcePath: String, to path: String) throws {
        try UnsafeOutputPath.check(path)
        try prepareParent(of: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: sourcePath))
        try Self.writeFile(at: stagingPath + "/" + path, bytes: [UInt8](data))
    }

    public func remove(_ path: String) throws {
        try UnsafeOutputPath.check(path)
        if unlink(stagingPath + "/" + path) != 0 && errno != ENOENT {
            throw OutputError("could not remove \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Puts the staged site in place of the output folder, atomically when one exists.
    public func commit() throws {
        lock.withLock { finished = true }
        let fileManager = FileManager.default
        // Checked again: the folder may have changed since the build started.
        try Self.checkOwnership(of: outputPath)
        if !fileManager.fileExists(atPath: outputPath) {
            if rename(stagingPath, outputPath) == 0 { return }
            // Another build created the folder in the meantime: swap with it instead.
            guard errno == EEXIST || errno == ENOTEMPTY else {
                let reason = String(cString: strerror(errno))
                discard()
                throw OutputError("could not move the new site to \(outputPath): \(reason)")
            }
        }
        if incidents_rename_exchange(stagingPath, outputPath) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw OutputError("could not swap the new site into \(outputPath): \(reason)")
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

    // MARK: Private

    private func prepareParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        try createDirectory(directory)
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
                    throw OutputError("could not create the folder \(path): \(String(cString: strerror(errno)))")
                }
            default:
                throw OutputError("could not create the folder \(path): \(String(cString: strerror(errno)))")
            }
        }
        lock.withLock { _ = createdDirectories.insert(directory) }
    }

    private static func writeFile(at path: String, bytes: UnsafeBufferPointer<UInt8>) throws {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    /// A new empty file at `path`, open for writing (an existing one is truncated).
    private static func create(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError("could not create \(path): \(String(cString: strerror(errno)))") }
        return descriptor
    }

    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError("could not write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private static func writeFile(at path: String, bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try writeFile(at: path, bytes: $0) }
    }

    private static func checkOwnership(of path: String) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw OutputError("refusing to replace \(path): it is a file, expected a folder for the site")
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
        if !entries.isEmpty && !entries.contains(markerName) {
            throw OutputError("refusing to replace \(path): the folder is not empty and was not written by incidents (it has no \(markerName) file); choose an empty or new folder with --output")
        }
    }

    /// Renames `path` out of the way at once, then lets `rm -rf` delete it after this
    /// process has moved on (or exited). Falls back to deleting here.
    private static func removeInBackground(_ path: String) {
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let doomed = parent + "/" + name.replacingOccurrences(of: stagingInfix, with: previousInfix)
        guard rename(path, doomed) == 0, FileManager.default.isExecutableFile(atPath: "/bin/rm") else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        let remover = Process()
        remover.executableURL = URL(fileURLWithPath: "/bin/rm")
        remover.arguments = ["-rf", "--", doomed]
        remover.standardOutput = FileHandle.nullDevice
        remover.standardError = FileHandle.nullDevice
        do {
            try remover.run()
        } catch {
            try? FileManager.default.removeItem(atPath: doomed)
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
                try? FileManager.default.removeItem(atPath: parent + "/" + entry)
            }
        }
    }
}

/// A problem writing the output folder, in words.
public struct OutputError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
