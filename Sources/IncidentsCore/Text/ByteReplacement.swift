internal import CPlatform

/// Literal text replacement over UTF-8 bytes, searched with `memmem`.
///
/// Used on every rendered body and card: most contain no match at all, and Swift's
/// generic substring search was an eighth of a large build's time.
struct ByteReplacement: Sendable {
    let old: [UInt8]
    let new: [UInt8]

    init(old: String, new: String) {
        self.old = Array(old.utf8)
        self.new = Array(new.utf8)
    }

    static func replacingAll(_ old: String, with new: String, in text: String) -> String {
        replacingAll([ByteReplacement(old: old, new: new)], in: text)
    }

    /// `text` with every occurrence of each pattern replaced, leftmost first;
    /// the same string, uncopied, when nothing matches.
    static func replacingAll(_ replacements: [ByteReplacement], in text: String) -> String {
        var text = text
        let rewritten: [UInt8]? = text.withUTF8 { bytes in
            var output: [UInt8] = []
            var position = 0
            while let (offset, replacement) = nextMatch(of: replacements, in: bytes, from: position) {
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: bytes[position..<offset])
                output.append(contentsOf: replacement.new)
                position = offset + replacement.old.count
            }
            guard !output.isEmpty || position > 0 else { return nil }
            output.append(contentsOf: bytes[position...])
            return output
        }
        return rewritten.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The earliest occurrence of any pattern at or after `start`.
    private static func nextMatch(of replacements: [ByteReplacement], in bytes: UnsafeBufferPointer<UInt8>,
                                  from start: Int) -> (Int, ByteReplacement)? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        var best: (Int, ByteReplacement)?
        for replacement in replacements where !replacement.old.isEmpty {
            let limit = best?.0 ?? bytes.count
            guard limit > start else { break }
            // Only matches that start before the best one so far matter.
            let haystackEnd = min(bytes.count, limit + replacement.old.count - 1)
            let found = replacement.old.withUnsafeBytes { pattern in
                incidents_memmem(base + start, haystackEnd - start, pattern.baseAddress, pattern.count)
            }
            if let found {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if offset < limit { best = (offset, replacement) }
            }
        }
        return best
    }
}
