/// Which form of a counted noun a language uses for a whole number: CLDR's plural
/// categories (`one`, `few`, …) for the integer rules of the languages a site is most
/// likely to add. ICU has the full rules, but Foundation on Linux does not expose them.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

enum PluralRule {
    /// The category of `number` in `language` (a BCP 47 tag; its primary subtag decides).
    static func category(of number: Int, in language: String) -> PluralCategory {
        let n = number.magnitude
        switch SiteLanguage.primarySubtag(of: language) {
        case "ja", "zh", "ko", "th", "vi", "id", "ms", "tr", "fa":
            return .other
        case "fr", "pt", "hy":
            return n <= 1 ? .one : .other
        case "ru", "uk", "be":
            if n % 10 == 1 && n % 100 != 11 { return .one }
            if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return .few }
            return .many
        case "pl":
            if n == 1 { return .one }
            if (2...4).contains(n % 10) && !(12...14).contains(n % 100) { return .few }
            return .many
        case "cs", "sk":
            return n == 1 ? .one : (2...4).contains(n) ? .few : .other
        case "ar":
            if n == 0 { return .zero }
            if n == 1 { return .one }
            if n == 2 { return .two }
            if (3...10).contains(n % 100) { return .few }
            if (11...99).contains(n % 100) { return .many }
            return .other
        case "he":
            return n == 1 ? .one : n == 2 ? .two : .other
        default:
            return n == 1 ? .one : .other
        }
    }
}
