import Foundation

/// The build cache's bulk: parse outcomes, rendered bodies and data-file records, kept
/// as blobs in segment files that are written once and never changed. A build appends
/// what it made to one new segment and rewrites only the small index that says where
/// every blob is, so a build after one edit writes kilobytes, not the 250 MB a cache
/// of 10,000 incidents holds. A blob is read (`pread`, into memory freed once it is
/// written out; not mapped, which would keep every page read in the process) only
/// when it is needed: most bodies never are, only the pages rendered again show them.
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
    /// Each segment, open for reading (a segment deleted by a later build stays
    /// readable through it), and its size.
    private let descriptors: [Int32]
    private let sizes: [Int]
    private let lock = NSLock()
    private var damaged = false

    /// Opens the segments `names` of `folder`; nil when one is missing.
    init?(folder: String, names: [String]) {
        var descriptors: [Int32] = []
        var sizes: [Int] = []
        for name in names {
            let descriptor = open(folder + "/" + name, O_RDONLY | O_CLOEXEC)
            var status = stat()
            guard descriptor >= 0, fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
                if descriptor >= 0 { close(descriptor) }
                descriptors.forEach { close($0) }
                return nil
            }
            descriptors.append(descriptor)
            sizes.append(Int(status.st_size))
        }
        self.names = names
        self.descriptors = descriptors
        self.sizes = sizes
    }

    init() {
        names = []
        descriptors = []
        sizes = []
    }

    deinit { descriptors.forEach { close($0) } }

    /// Whether a blob read since the index was checked did not match its checksum.
    var isDamaged: Bool { lock.withLock { damaged } }

    /// Whether `reference` lies inside its segment (the index is checked against the
    /// segments before anything is used).
    func contains(_ reference: Reference) -> Bool {
        reference.segment >= 0 && reference.segment < sizes.count && reference.offset >= 0 && reference.length >= 0
            && reference.offset <= sizes[reference.segment] - reference.length
    }

    /// The blob's bytes, or nil (and the cache marked damaged) when they do not match
    /// its checksum.
    func bytes(_ reference: Reference) -> [UInt8]? {
        guard contains(reference) else { return markDamaged() }
        var bytes = [UInt8](repeating: 0, count: reference.length)
        var done = 0
        while done < reference.length {
            let count = bytes.withUnsafeMutableBytes {
                pread(descriptors[reference.segment], $0.baseAddress! + done, reference.length - done, off_t(reference.offset + done))
            }
            if count < 0 && errno == EINTR { continue }
            // Shorter than when it was opened: truncated behind the build's back.
            guard count > 0 else { return markDamaged() }
            done += count
        }
        guard bytes.withUnsafeBytes({ Checksum.of($0) }) == reference.checksum else { return markDamaged() }
        return bytes
    }

    private func markDamaged() -> [UInt8]? {
        lock.withLock { damaged = true }
        return nil
    }

    /// The bytes of a segment, for copying its live blobs into a new one.
    func segmentSize(_ segment: Int) -> Int { sizes[segment] }
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
