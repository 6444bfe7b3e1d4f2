import Foundation

/// The build cache's bulk: parse outcomes, rendered bodies and data-file records, kept
/// as blobs in segment files that are written once and never changed. A build appends
/// what it made to one new segment and rewrites only the small index that says where
/// every blob is, so a build after one edit writes kilobytes, not the 200 MB a cache
/// of 10,000 incidents holds. Segments are mapped, and a blob is read only when it is
/// needed (most bodies never are: only the pages rendered again show them).
///
/// Every blob carries a checksum, checked when it is read. A mismatch means the cache
/// was damaged after its index was checked: the blob is not used where that can be
/// avoided (a parse outcome: the file is parsed instead), and otherwise `isDamaged`
/// tells the build to throw its output away and build again without the cache, before
/// anything is published.
final class CacheSegments: @unchecked Sendable {
    /// Where one blob is.
    struct Reference: Hashable {
        var segment: Int
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    /// The segment files, by name, as the index lists them.
    let names: [String]
    private let mapped: [Data]
    private let lock = NSLock()
    private var damaged = false

    /// Maps the segments `names` of `folder`; nil when one is missing.
    init?(folder: String, names: [String]) {
        var mapped: [Data] = []
        for name in names {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + name), options: .alwaysMapped) else { return nil }
            mapped.append(data)
        }
        self.names = names
        self.mapped = mapped
    }

    init() {
        names = []
        mapped = []
    }

    /// Whether a blob read since the index was checked did not match its checksum.
    var isDamaged: Bool { lock.withLock { damaged } }

    /// Whether `reference` lies inside its segment (the index is checked against the
    /// segments before anything is used).
    func contains(_ reference: Reference) -> Bool {
        reference.segment >= 0 && reference.segment < mapped.count && reference.offset >= 0 && reference.length >= 0
            && reference.offset <= mapped[reference.segment].count - reference.length
    }

    /// The blob's bytes, or nil (and the cache marked damaged) when they do not match
    /// its checksum.
    func bytes(_ reference: Reference) -> [UInt8]? {
        guard contains(reference) else { return markDamaged() }
        let bytes = mapped[reference.segment].withUnsafeBytes { all in
            Array(UnsafeRawBufferPointer(rebasing: all[reference.offset..<reference.offset + reference.length]))
        }
        guard bytes.withUnsafeBytes({ Checksum.of($0) }) == reference.checksum else { return markDamaged() }
        return bytes
    }

    private func markDamaged() -> [UInt8]? {
        lock.withLock { damaged = true }
        return nil
    }

    /// The bytes of a segment, for copying its live blobs into a new one.
    func segmentSize(_ segment: Int) -> Int { mapped[segment].count }
}

/// The one segment a build writes: blobs appended as the build makes them (so a first
/// build of 100,000 incidents does not hold a gigabyte of them in memory), from any
/// thread: each takes its place under a lock and is written there outside it.
final class SegmentWriter: @unchecked Sendable {
    /// Its position in the index's list of segments.
    let number: Int
    let path: String
    private let lock = NSLock()
    private let descriptor: Int32
    private var size = 0
    private var failed = false

    init?(path: String, number: Int) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        self.path = path
        self.number = number
    }

    deinit { close(descriptor) }

    /// Whether anything was appended.
    var isEmpty: Bool { lock.withLock { size == 0 } }

    func append(_ blob: [UInt8]) -> CacheSegments.Reference {
        let checksum = blob.withUnsafeBytes { Checksum.of($0) }
        let offset = lock.withLock {
            defer { size += blob.count }
            return size
        }
        var written = 0
        while written < blob.count {
            let count = blob[written...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset + written)) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                lock.withLock { failed = true }
                break
            }
            written += count
        }
        return CacheSegments.Reference(segment: number, offset: offset, length: blob.count, checksum: checksum)
    }

    /// False when any write failed (the segment, and the cache, are then not used).
    func finish() -> Bool { lock.withLock { !failed } }
}
