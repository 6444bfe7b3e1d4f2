import Foundation

/// What the parse stage may take from an earlier build (`build --cache`): each incident
/// file's outcome with its rendered body, keyed by the file's text and by everything
/// else its parse depends on. A file whose key matches is not parsed again; any other
/// is, and its new outcome is kept for the next build.
///
/// Safe to use from the parse stage's threads at once.
public final class ParseCache: @unchecked Sendable {
    /// 128 bits of the text, and of what else the outcome depends on.
    struct Key: Hashable {
        var first: UInt64
        var second: UInt64
    }

    /// One file's outcome as the cache keeps it.
    struct Entry {
        var key: Key
        /// `ParsedFile.Stored`, as `CacheCodable` writes it.
        var outcome: CacheSegments.Reference
        /// The body's Markdown, then its HTML.
        var body: CacheSegments.Reference
        var markdownLength: Int
    }

    let segments: CacheSegments
    /// Where this build's new outcomes go.
    let writer: SegmentWriter?
    private let earlier: [String: Entry]
    private let lock = NSLock()
    private var kept: [String: Entry] = [:]
    private var reused = 0

    /// The entries of an earlier build, in `segments` (none for a first build); new
    /// ones are written by `writer`.
    init(entries: [String: Entry], segments: CacheSegments, writer: SegmentWriter?) {
        earlier = entries
        self.segments = segments
        self.writer = writer
    }

    /// How many files this build took from the cache.
    public var hits: Int { lock.withLock { reused } }

    /// This build's entries, by path: those reused and those parsed anew.
    var entries: [String: Entry] { lock.withLock { kept } }

    /// The key of `text` at `path`, parsed with the settings `context` stands for; a
    /// translation's also depends on its source (`sourcePrint`) and language.
    static func key(text: String, path: String, context: Int, source: Int?, language: String, fingerprinted: Bool) -> Key {
        var text = text
        // One pass of Swift's hash over the text and the rest, and a second, independent
        // checksum of the text's bytes: 128 bits for the price of little more than one.
        var hasher = Hasher()
        let checksum = text.withUTF8 { bytes in
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return Checksum.of(UnsafeRawBufferPointer(bytes))
        }
        hasher.combine(path)
        hasher.combine(context)
        hasher.combine(source)
        hasher.combine(language)
        hasher.combine(fingerprinted)
        var rest = Hasher()
        rest.combine(checksum)
        rest.combine(path)
        rest.combine(context)
        rest.combine(source)
        rest.combine(language)
        return Key(first: UInt64(bitPattern: Int64(hasher.finalize())), second: UInt64(bitPattern: Int64(rest.finalize())))
    }

    /// The outcome kept for `path` under `key`, its body added to `bodies` (read from
    /// the cache when shown); nil when there is none, or it does not read back whole.
    func reuse(_ path: String, key: Key, bodies: BodyStore) -> (stored: ParsedFile.Stored, body: BodyStore.Entry)? {
        guard let entry = earlier[path], entry.key == key,
              let bytes = segments.bytes(entry.outcome),
              let stored = bytes.withUnsafeBytes({ bytes -> ParsedFile.Stored? in
                  var reader = ByteReader(bytes)
                  guard let stored = try? reader.get(ParsedFile.Stored.self), reader.isAtEnd else { return nil }
                  return stored
              }),
              let bodyEntry = bodies.addCached(entry.body, markdownLength: entry.markdownLength, in: segments) else { return nil }
        lock.withLock {
            kept[path] = entry
            reused += 1
        }
        return (stored, bodyEntry)
    }

    /// Keeps the outcome just parsed for the next build.
    func record(_ path: String, key: Key, stored: ParsedFile.Stored, markdown: String, html: String) {
        guard let segment = self.writer else { return }
        var writer = ByteWriter(capacity: 4096)
        writer.put(stored)
        let entry = Entry(key: key, outcome: segment.append(writer.bytes), body: segment.append(Array(markdown.utf8) + Array(html.utf8)),
                          markdownLength: markdown.utf8.count)
        lock.withLock { kept[path] = entry }
    }
}
