/// The build cache's file format, written and read by hand: lengths and numbers as
/// little-endian 64-bit words, byte strings after their length. A reader that runs past
/// the end or finds a length that cannot be throws, so a truncated or damaged file is
/// refused rather than read.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func integer(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func integer(_ value: Int) { integer(UInt64(bitPattern: Int64(value))) }

    mutating func data(_ value: some Collection<UInt8>) {
        integer(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func text(_ value: String) { data(value.utf8) }
}

struct ByteReader {
    struct Damaged: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }

    mutating func integer() throws(Damaged) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Damaged() }
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8])) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func signed() throws(Damaged) -> Int { Int(Int64(bitPattern: try integer())) }

    /// A count of things that follow: never more than the bytes left could hold, so a
    /// damaged count cannot make a reader reserve memory for billions of them.
    mutating func count() throws(Damaged) -> Int {
        let value = try signed()
        guard value >= 0, value <= remaining else { throw Damaged() }
        return value
    }

    /// The next byte string, as a view into the file (valid while it is).
    mutating func data() throws(Damaged) -> UnsafeRawBufferPointer {
        let count = try integer()
        guard count <= UInt64(bytes.count - offset) else { throw Damaged() }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + Int(count)])
        offset += Int(count)
        return slice
    }

    mutating func text() throws(Damaged) -> String { String(decoding: try data(), as: UTF8.self) }
}

/// A 64-bit checksum of bytes, eight at a time: it tells a damaged file from a whole one
/// (it is not a defence against a forged one; the cache is the builder's own folder).
enum Checksum {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        for index in 0..<words {
            let word = bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            hash = (hash ^ word) &* 0x100_0000_01B3
            hash ^= hash >> 29
        }
        for index in words * 8..<bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
        }
        return hash ^ (hash >> 32)
    }
}
