internal import CPlatform

/// Small, literal rewrites of cmark-gfm's HTML so every page passes the W3C
/// validator and a strict Content-Security-Policy.
///
/// - Table alignment: cmark-gfm writes `align="…"` (obsolete, a validator error) or,
///   optionally, inline `style` (blocked by a CSP without `'unsafe-inline'`). We let it
///   write `align` and turn it into a class the theme styles: `class="align-center"`.
/// - Task-list checkboxes get an accessible name, so screen readers announce
///   "done"/"to do" instead of an unlabelled form field.
///
/// Searches bytes with `memmem`: most bodies contain none of the patterns, and
/// Swift's generic substring search was an eighth of the build's time.
enum HTMLPostProcessor {
    private static let replacements: [(old: [UInt8], new: [UInt8])] = [
        (#" align="left""#, #" class="align-left""#),
        (#" align="center""#, #" class="align-center""#),
        (#" align="right""#, #" class="align-right""#),
        (#"<input type="checkbox" checked="" disabled="" />"#, #"<input type="checkbox" checked="" disabled="" aria-label="done" />"#),
        (#"<input type="checkbox" disabled="" />"#, #"<input type="checkbox" disabled="" aria-label="to do" />"#),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    static func process(_ html: String) -> String {
        var html = html
        let rewritten: [UInt8]? = html.withUTF8 { bytes in
            var output: [UInt8] = []
            var position = 0
            while let (offset, replacement) = nextMatch(in: bytes, from: position) {
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: bytes[position..<offset])
                output.append(contentsOf: replacement.new)
                position = offset + replacement.old.count
            }
            guard position > 0 else { return nil }
            output.append(contentsOf: bytes[position...])
            return output
        }
        return rewritten.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    /// The earliest occurrence of any pattern at or after `start`.
    private static func nextMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, (old: [UInt8], new: [UInt8]))? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        var best: (Int, (old: [UInt8], new: [UInt8]))?
        for replacement in replacements {
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
