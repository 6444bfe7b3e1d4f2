/// What a translated incident knows of its source: `x.fr.md` translates `x.md`.
///
/// A translation is an incident file of its own, in another language's folder of the
/// output; every key it leaves out is taken from its source, and the facts that do not
/// depend on the language (id, severity, dates) must agree with it.
public struct Translation: Sendable, Hashable {
    /// The default language's file it translates: `content/incidents/x.md`.
    public var sourcePath: String
    /// `machine_translated: true`: the page says the translation was made by machine.
    public var machineTranslated = false
    /// `translated_from:`, the source's fingerprint when it was translated (for sites
    /// without git history), and where it was given.
    public var translatedFrom: String?
    public var translatedFromLocation: SourceLocation?
    /// The source changed after the translation (by git, or by `translated_from`):
    /// the page says so, and `check` warns.
    public var isOutdated = false

    /// The keys only a translation has.
    static let keys = ["machine_translated", "translated_from"]

    /// The fields whose values cannot differ between languages: a translation that
    /// gives one must give the source's value.
    static let sharedFields: Set<String> = ["id", "severity", "date_occurred", "date_reported", "started", "resolved", "slug", "duplicate_of"]

    /// The source and language of a translation's path (`a/x.fr.md` → `a/x.md`, `fr`)
    /// among the site's other languages; nil for a file in the default language.
    static func split(_ path: String, languages: [String]) -> (source: String, language: String)? {
        guard languages.count > 1, let (source, code) = languageSuffix(of: path) else { return nil }
        guard let language = languages.dropFirst().first(where: { $0.lowercased() == code }) else { return nil }
        return (source, language)
    }

    /// `a/x.fr.md` → (`a/x.md`, `fr`): a file name that ends in a dot, two to eight
    /// letters, digits or hyphens (a language tag's shape, lowercased) and `.md`. Read
    /// as bytes from the end, since every listing of 10,000 files asks.
    static func languageSuffix(of path: String) -> (source: String, code: String)? {
        let bytes = Array(path.utf8)
        guard bytes.count > 6, bytes.suffix(3).elementsEqual(".md".utf8) else { return nil }
        let end = bytes.count - 3
        var start = end
        while start > 0, end - start <= 8 {
            let byte = bytes[start - 1]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") { break }
            guard (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") else { return nil }
            start -= 1
        }
        guard (2...8).contains(end - start), start > 1, bytes[start - 1] == UInt8(ascii: "."), bytes[start - 2] != UInt8(ascii: "/") else { return nil }
        let code = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
        return (String(decoding: bytes[..<(start - 1)], as: UTF8.self) + ".md", code)
    }

    /// A stable fingerprint of a source file's text (FNV-1a, 64 bits, as 16 hex digits):
    /// what `translated_from:` records. Swift's own hashes change from run to run.
    public static func fingerprint(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
