import Foundation

/// The incidents' bodies, each parsed and rendered once per build and kept here, as
/// Markdown and HTML, for every output that shows them: the incident's page, its
/// record in `incidents.json`, the feeds it is in.
///
/// Render never reads the sources again, and the bodies of a large site are not all
/// in memory: they stay in memory up to `memoryLimit` bytes, and beyond that the store
/// moves to a temporary file (unlinked at once, so it disappears with the process
/// whatever happens) from which each is read back when needed. Safe to use from
/// several threads at once.
public final class BodyStore: @unchecked Sendable {
    /// Where one body is kept.
    public struct Entry: Sendable, Hashable {
        let offset: Int
        let markdownLength: Int
        let htmlLength: Int
        /// A body kept in the build cache: its segment and checksum (-1: kept here).
        var segment = -1
        var checksum: UInt64 = 0
    }

    private let lock = NSLock()
    private let memoryLimit: Int
    private var memory: [UInt8] = []
    /// The temporary file, once the bodies outgrew `memoryLimit`.
    private var file: Int32 = -1
    private var size = 0
    /// The build cache's segments, for bodies taken from it (read only when shown).
    private var cached: CacheSegments?

    /// Bytes in memory or in the file.
    public var byteCount: Int { lock.withLock { size } }

    /// 8 MB by default: small sites never touch the disk, and the bodies of a large one
    /// cost no memory (they are read back from the page cache).
    public init(memoryLimit: Int = 8 << 20) {
        self.memoryLimit = memoryLimit
    }

    deinit {
        if file >= 0 { close(file) }
    }

    /// A body the build cache holds at `reference` (its Markdown, then its HTML): read
    /// from there when a page shows it.
    func addCached(_ reference: CacheSegments.Reference, markdownLength: Int, in segments: CacheSegments) -> Entry? {
        guard markdownLength >= 0, markdownLength <= reference.length, segments.contains(reference) else { return nil }
        // One build's bodies come from one cache.
        guard lock.withLock({ () -> Bool in
            if cached == nil { cached = segments }
            return cached === segments
        }) else { return nil }
        return Entry(offset: reference.offset, markdownLength: markdownLength, htmlLength: reference.length - markdownLength,
                     segment: reference.segment, checksum: reference.checksum)
    }

    /// Keeps a body; the entry reads it back.
    public func add(markdown: String, html: String) throws(BuildFailure) -> Entry {
        var bytes = Array(markdown.utf8)
        let markdownLength = bytes.count
        bytes.append(contentsOf: html.utf8)
        let (offset, descriptor): (Int, Int32) = lock.withLock {
            let offset = size
            size += bytes.count
            if file < 0 && size > memoryLimit { moveToFile() }
            if file < 0 {
                memory.append(contentsOf: bytes)
                return (offset, -1)
            }
            return (offset, file)
        }
        if descriptor >= 0 { try Self.write(bytes, at: offset, to: descriptor) }
        return Entry(offset: offset, markdownLength: markdownLength, htmlLength: bytes.count - markdownLength)
    }

    public func markdown(_ entry: Entry) throws(BuildFailure) -> String {
        if entry.segment >= 0 { return String(decoding: cachedBytes(entry).prefix(entry.markdownLength), as: UTF8.self) }
        return String(decoding: try read(at: entry.offset, count: entry.markdownLength), as: UTF8.self)
    }

    public func html(_ entry: Entry) throws(BuildFailure) -> String {
        if entry.segment >= 0 { return String(decoding: cachedBytes(entry).dropFirst(entry.markdownLength), as: UTF8.self) }
        return String(decoding: try read(at: entry.offset + entry.markdownLength, count: entry.htmlLength), as: UTF8.self)
    }

    /// A cached body's bytes; none when they fail their checksum (the segments then say
    /// the cache is damaged, and the build is made again without it).
    private func cachedBytes(_ entry: Entry) -> [UInt8] {
        let reference = CacheSegments.Reference(segment: entry.segment, offset: entry.offset,
                                                length: entry.markdownLength + entry.htmlLength, checksum: entry.checksum)
        return lock.withLock { cached }?.bytes(reference) ?? []
    }

    // MARK: Private

    /// Under the lock: writes what is in memory to a new temporary file, where later
    /// bodies go too. Stays in memory if no file can be made.
    private func moveToFile() {
        var template = Array((NSTemporaryDirectory() + "/incidents-bodies-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        guard (try? Self.write(memory, at: 0, to: descriptor)) != nil else {
            close(descriptor)
            return
        }
        file = descriptor
        memory = []
    }

    private static func failure(_ what: String, _ code: Int32) -> BuildFailure {
        BuildFailure(Diagnostic(SourceLocation(wholeFile: NSTemporaryDirectory()),
                                "the temporary file of rendered bodies could not be \(what) (\(SystemErrorText.describe(errno: code)))"))
    }

    private static func write(_ bytes: [UInt8], at offset: Int, to descriptor: Int32) throws(BuildFailure) {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset + written)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("written", errno)
            }
            written += count
        }
    }

    private func read(at offset: Int, count: Int) throws(BuildFailure) -> [UInt8] {
        let (fromMemory, descriptor): ([UInt8]?, Int32) = lock.withLock {
            file < 0 ? (Array(memory[offset..<offset + count]), -1) : (nil, file)
        }
        if let fromMemory { return fromMemory }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if got < 0 {
                if errno == EINTR { continue }
                throw Self.failure("read", errno)
            }
            if got == 0 { throw Self.failure("read", EIO) }
            done += got
        }
        return bytes
    }
}
