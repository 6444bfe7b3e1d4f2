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

    /// `text` with every occurrence of each pattern replaced, leftmost first (at one
    /// position, the first pattern listed); the same string, uncopied, when nothing matches.
    ///
    /// One pass: each pattern's next occurrence is searched for once and remembered,
    /// and searched for again only when the text before it has been consumed, so every
    /// pattern scans the text at most once (a page of 40,000 table cells took 17 s when
    /// every match started a new search of the rest for each pattern).
    static func replacingAll(_ replacements: [ByteReplacement], in text: String) -> String {
        var text = text
        let rewritten: [UInt8]? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            let patterns = replacements.filter { !$0.old.isEmpty }
            func find(_ pattern: ByteReplacement, from start: Int) -> Int {
                guard start < bytes.count else { return bytes.count }
                let found = pattern.old.withUnsafeBytes { needle in
                    incidents_memmem(base + start, bytes.count - start, needle.baseAddress, needle.count)
                }
                return found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
            }
            var next = patterns.map { find($0, from: 0) }
            var output: [UInt8] = []
            var position = 0
            while true {
                // The earliest remembered match; ties go to the pattern listed first.
                var chosen: Int?
                for index in patterns.indices where next[index] < bytes.count && (chosen == nil || next[index] < next[chosen!]) {
                    chosen = index
                }
                guard let index = chosen else { break }
                let offset = next[index]
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<offset]))
                output.append(contentsOf: patterns[index].new)
                position = offset + patterns[index].old.count
                // Matches that overlap the replaced text are gone: look again from its end.
                for other in patterns.indices where next[other] < position {
                    next[other] = find(patterns[other], from: position)
                }
            }
            guard position > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
            return output
        }
        return rewritten.map { String(decoding: $0, as: UTF8.self) } ?? text
    }
}
