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
        guard languages.count > 1, path.hasSuffix(".md") else { return nil }
        let stem = path.dropLast(3)
        guard let dot = stem.lastIndex(of: "."), !stem[stem.index(after: dot)...].contains("/") else { return nil }
        let code = String(stem[stem.index(after: dot)...])
        guard let language = languages.dropFirst().first(where: { $0.lowercased() == code.lowercased() }) else { return nil }
        return (String(stem[..<dot]) + ".md", language)
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
