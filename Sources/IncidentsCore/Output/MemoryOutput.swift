import Foundation

/// Keeps a build's files in memory, by path: for tests, and for a dev server that
/// must never touch `public/`.
public final class MemoryOutput: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    /// Starts from the files of an earlier build, so that an incremental update can
    /// be written beside them while readers still see the earlier set.
    public init(files: [String: [UInt8]]) {
        storage = files
    }

    public func write(_ contents: String, to path: String) throws {
        try UnsafeOutputPath.check(path)
        lock.withLock { storage[path] = Array(contents.utf8) }
    }

    public func copy(fileAt sourcePath: String, to path: String) throws {
        try UnsafeOutputPath.check(path)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: sourcePath)))
        lock.withLock { storage[path] = bytes }
    }

    public func remove(_ path: String) throws {
        try UnsafeOutputPath.check(path)
        _ = lock.withLock { storage.removeValue(forKey: path) }
    }

    /// Every file written, by path.
    public var files: [String: [UInt8]] { lock.withLock { storage } }

    /// One file as text, or nil when it was not written.
    public func text(at path: String) -> String? {
        lock.withLock { storage[path].map { String(decoding: $0, as: UTF8.self) } }
    }
}
