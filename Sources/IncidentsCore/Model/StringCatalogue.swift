/// The built-in strings of one language (labels, headings, counts), each a text with
/// `{placeholders}` or a set of plural forms: the theme's words, looked up by key.
///
/// A catalogue is the site's `i18n/<lang>.yml` over the built-in one for the language
/// (`Theme/Strings/`), over English: a key missing from both comes from English.
public struct StringCatalogue: Sendable, Equatable {
    public enum Entry: Sendable, Hashable {
        case text(String)
        case plural([PluralCategory: String])
    }

    /// The language's entries, without the English fallback.
    public private(set) var entries: [String: Entry]
    /// What a key missing from `entries` falls back to (English); nil for English itself.
    private let fallback: [String: Entry]?

    init(entries: [String: Entry], fallback: [String: Entry]?) {
        self.entries = entries
        self.fallback = fallback
    }

    /// Every key it answers: its own and its fallback's.
    var keys: Set<String> { Set(entries.keys).union(fallback.map { Array($0.keys) } ?? []) }

    func entry(_ key: String) -> Entry? { entries[key] ?? fallback?[key] }

    /// The text of `key`, with each `{name}` of `arguments` filled in.
    public func text(_ key: String, _ arguments: [(String, String)] = []) -> String {
        let template: String
        switch entry(key) {
        case .text(let text): template = text
        case .plural(let forms): template = forms[.other] ?? forms.values.first ?? key
        case nil: template = key
        }
        return Self.fill(template, arguments)
    }

    /// The form of `key` for `count` in `language`, with `{count}` filled in by
    /// `formattedCount` and the other placeholders by `arguments`.
    func plural(_ key: String, count: Int, language: String, formattedCount: String, _ arguments: [(String, String)] = []) -> String {
        let template: String
        switch entry(key) {
        case .plural(let forms):
            template = forms[PluralRule.category(of: count, in: language)] ?? forms[.other] ?? forms.values.first ?? key
        case .text(let text): template = text
        case nil: template = key
        }
        return Self.fill(template, [("count", formattedCount)] + arguments)
    }

    /// The text of `key` for plural `category`, if it has that form (for scripts that
    /// choose the form themselves, with `Intl.PluralRules`).
    func pluralForm(_ key: String, _ category: PluralCategory) -> String? {
        if case .plural(let forms)? = entry(key) { return forms[category] }
        return nil
    }

    /// The English keys this catalogue gives no entry of its own for.
    var missingKeys: [String] {
        guard let fallback else { return [] }
        return fallback.keys.filter { entries[$0] == nil }.sorted()
    }

    /// `template` with each `{name}` of `arguments` replaced, in one pass, so a value
    /// that itself holds braces (a title with "{id}" in it) is never filled again.
    static func fill(_ template: String, _ arguments: [(String, String)]) -> String {
        // Most strings have no placeholder: a byte scan, not Foundation's `contains`.
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = arguments.first(where: { $0.0 == after[..<close] })?.1 {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }
}
