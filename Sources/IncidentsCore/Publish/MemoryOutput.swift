import Foundation

/// Keeps a build's files in memory, by path: for tests, and for a dev server that
/// must never touch `public/`.
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: MemoryFile] = [:]

    public init() {}

    /// Starts from the files of an earlier build, so that an incremental update can
    /// be written beside them while readers still see the earlier set.
    public init(files: [String: MemoryFile]) {
        storage = files
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        try UnsafeOutputPath.check(path)
        lock.withLock { storage[path] = MemoryFile(parts: [bytes]) }
    }

    /// Keeps the parts as they are: the data downloads are made of cached records, and
    /// joining 100 MB on every rebuild of a large site cost more than the rest of it.
    public func write(to path: String, parts produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        try UnsafeOutputPath.check(path)
        var parts: [[UInt8]] = []
        try produce { parts.append($0) }
        lock.withLock { storage[path] = MemoryFile(parts: parts) }
    }

    public func copy(_ sourcePath: String, from files: SiteFiles, to path: String) throws {
        try UnsafeOutputPath.check(path)
        let bytes = try files.readStaticFile(sourcePath).get()
        lock.withLock { storage[path] = MemoryFile(parts: [bytes]) }
    }

    public func remove(_ path: String) throws {
        try UnsafeOutputPath.check(path)
        _ = lock.withLock { storage.removeValue(forKey: path) }
    }

    /// Every file written, by path, as it is kept.
    public var snapshot: [String: MemoryFile] { lock.withLock { storage } }

    /// Every file written, by path, joined into bytes.
    public var files: [String: [UInt8]] { snapshot.mapValues(\.bytes) }

    /// One file as text, or nil when it was not written.
    public func text(at path: String) -> String? {
        lock.withLock { storage[path].map { String(decoding: $0.bytes, as: UTF8.self) } }
    }
}

/// A file in memory, as the parts it was written in.
public struct MemoryFile: Sendable, Equatable {
    public var parts: [[UInt8]]

    public init(parts: [[UInt8]]) {
        self.parts = parts
    }

    public var bytes: [UInt8] { parts.count == 1 ? parts[0] : Array(parts.joined()) }
    public var count: Int { parts.reduce(0) { $0 + $1.count } }

    public static func == (lhs: MemoryFile, rhs: MemoryFile) -> Bool { lhs.bytes == rhs.bytes }
}
