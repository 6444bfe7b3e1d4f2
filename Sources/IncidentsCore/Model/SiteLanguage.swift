import Foundation

/// One language a site is published in: its code, where its pages live (the default
/// language at the root, every other under `<code>/`), its built-in strings, and how it
/// writes dates and numbers (from the platform's locale data, ICU).
///
/// Each language's `Site` carries its own, so every model that shows text asks the site
/// it renders for: `site.language.text("back_to_incidents")`. A class: every model of
/// every page holds it, and a value this size was copied (and retained) each time.
public final class SiteLanguage: @unchecked Sendable {
    /// The BCP 47 tag, as `site.yml` gives it: `en`, `fr`, `pt-BR`.
    public let code: String
    /// Its place in `site.yml`'s `languages`; 0 is the default language.
    public let position: Int
    /// The strings: the site's `i18n/<code>.yml` over the built-in ones, over English.
    public let strings: StringCatalogue
    public let isRightToLeft: Bool
    /// Its name in itself, for the language switcher: the catalogue's `language_name`,
    /// or the platform's ("Italiano").
    public let name: String
    private let locale: Locale
    private let dayStyle: Date.FormatStyle
    private let monthStyle: Date.FormatStyle
    private let numberStyle: IntegerFormatStyle<Int>
    /// Dates as readers see them, by year, month and day packed in one number: a site
    /// shows the same few thousand dates on tens of thousands of pages, and ICU takes a
    /// microsecond each.
    private let dateLock = NSLock()
    private var dateTexts: [Int: String] = [:]
    /// Labels every page shows, looked up once.
    private let fieldLabels: [String: String]
    private let severityLabels: [String]

    public var isDefault: Bool { position == 0 }
    /// The output folder of its pages: "" for the default language, `fr/` for French.
    public var prefix: String { isDefault ? "" : code + "/" }
    /// `ltr` or `rtl`, for `<html dir>`.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// `siteStrings` are the site's `i18n/<code>.yml`; `siteEnglish` its `i18n/en.yml`,
    /// which every language falls back to with the built-in English strings.
    public init(code: String, position: Int = 0, siteStrings: [String: StringCatalogue.Entry] = [:],
                siteEnglish: [String: StringCatalogue.Entry] = [:]) {
        self.code = code
        self.position = position
        strings = Self.catalogue(for: code, siteStrings: siteStrings, siteEnglish: siteEnglish)
        let locale = Locale(identifier: code)
        self.locale = locale
        if case .text(let name)? = strings.entries["language_name"] {
            self.name = name
        } else {
            let own = locale.localizedString(forIdentifier: code) ?? code
            self.name = own.prefix(1).uppercased() + own.dropFirst()
        }
        isRightToLeft = Locale.Language(identifier: code).characterDirection == .rightToLeft
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        dayStyle = Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).year().month(.abbreviated).day()
        monthStyle = Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).year().month(.abbreviated)
        numberStyle = IntegerFormatStyle<Int>(locale: locale)
        let strings = strings
        fieldLabels = Dictionary(uniqueKeysWithValues: IncidentField.all.map { field in
            (field.key, strings.entry("field_" + field.key) == nil ? field.label : strings.text("field_" + field.key))
        })
        severityLabels = Severity.allCases.map { strings.text("severity_" + $0.rawValue) }
    }

    // MARK: Strings

    /// The built-in string `key`, with `{name}` placeholders filled from `arguments`.
    public func text(_ key: String, _ arguments: (String, String)...) -> String {
        strings.text(key, arguments)
    }

    /// The form of `key` for `count` ("3 incidents", "3 Vorfälle"), the number in this
    /// language's digits and grouping.
    public func count(_ key: String, _ count: Int) -> String {
        strings.plural(key, count: count, language: code, formattedCount: number(count))
    }

    /// A field's label on pages: "Category", "Catégorie".
    public func label(_ field: IncidentField) -> String { fieldLabels[field.key] ?? field.label }

    public func label(_ severity: Severity) -> String { severityLabels[severity.rank] }

    public func label(_ role: Entity.Role) -> String { text("role_" + role.textKey) }

    /// `text` in lower case by this language's rules, for a label inside a sentence
    /// ("Incidents per category").
    public func lowercased(_ text: String) -> String { text.lowercased(with: locale) }

    // MARK: Dates and numbers

    public func number(_ value: Int) -> String { value.formatted(numberStyle) }

    /// `Feb 14, 2024`, `14 févr. 2024`, `2024年2月14日`; a month alone `Feb 2024`; a year as it is.
    public func date(_ date: PartialDate) -> String {
        guard let month = date.month else { return String(date.year) }
        let key = (date.year * 100 + month) * 100 + (date.day ?? 0)
        if let text = dateLock.withLock({ dateTexts[key] }) { return text }
        let day = Date(timeIntervalSince1970: Double(DateTime.days(year: date.year, month: month, day: date.day ?? 1) * 86400))
        let text = day.formatted(date.day == nil ? monthStyle : dayStyle)
        dateLock.withLock { dateTexts[key] = text }
        return text
    }

    /// The date and time as the editor wrote them, in their offset: `Feb 14, 2024, 09:30 UTC+01:00`.
    public func dateTime(_ value: DateTime) -> String {
        let (date, hour, minute, offset) = value.parts
        let time = (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
        return text("date_time", ("date", self.date(date)), ("time", time)) + (offset == "Z" ? "" : offset)
    }

    public func moment(_ moment: Moment) -> String {
        switch moment {
        case .time(let time): return dateTime(time)
        case .date(let date): return self.date(date)
        }
    }

    /// A length of time: `45 s`, `12 min`, `3 h 12 min`, `2 d 4 h`.
    public func duration(seconds: Double) -> String {
        let total = Int(seconds.rounded(.down))
        if total < 60 { return text("duration_seconds", ("seconds", number(total))) }
        let minutes = total / 60, hours = minutes / 60, days = hours / 24
        if days > 0 {
            return hours % 24 == 0 ? text("duration_days", ("days", number(days)))
                : text("duration_days_hours", ("days", number(days)), ("hours", String(hours % 24)))
        }
        if hours > 0 {
            return minutes % 60 == 0 ? text("duration_hours", ("hours", String(hours)))
                : text("duration_hours_minutes", ("hours", String(hours)), ("minutes", String(minutes % 60)))
        }
        return text("duration_minutes", ("minutes", String(minutes)))
    }

    // MARK: Built-in catalogues

    /// The languages the theme ships strings for.
    public static let builtinCodes = ["de", "en", "es", "fr", "ja"]

    static let english: [String: StringCatalogue.Entry] = parsedBuiltin("en") ?? [:]

    private static let builtins: [String: [String: StringCatalogue.Entry]] = {
        var catalogues: [String: [String: StringCatalogue.Entry]] = [:]
        for code in builtinCodes { catalogues[code] = code == "en" ? english : parsedBuiltin(code) }
        return catalogues
    }()

    /// The strings of `code`: the site's over the theme's (by the primary subtag:
    /// `fr-CA` uses `fr`), falling back to English (the site's and the theme's).
    static func catalogue(for code: String, siteStrings: [String: StringCatalogue.Entry], siteEnglish: [String: StringCatalogue.Entry]) -> StringCatalogue {
        let primary = primarySubtag(of: code)
        let english = english.merging(siteEnglish) { $1 }
        if primary == "en" { return StringCatalogue(entries: english.merging(siteStrings) { $1 }, fallback: nil) }
        return StringCatalogue(entries: (builtins[primary] ?? [:]).merging(siteStrings) { $1 }, fallback: english)
    }

    /// Whether the theme has strings of its own for `code`.
    static func hasBuiltinStrings(_ code: String) -> Bool {
        builtins[primarySubtag(of: code)] != nil
    }

    /// The language of a tag without its region or script, lowercased: `fr-CA` → `fr`.
    static func primarySubtag(of code: String) -> String {
        (code.split(separator: "-").first.map(String.init) ?? code).lowercased()
    }

    private static func parsedBuiltin(_ code: String) -> [String: StringCatalogue.Entry]? {
        guard let text = BuiltinTheme.strings[code] else { return nil }
        let (result, _) = StringCatalogueParser.parse(text, path: "Theme/Strings/\(code).yml")
        return try? result.get()
    }
}

extension Entity.Role {
    /// The role's part of its strings' keys: `role_deployer`, `role_heading_harmed_party`.
    var textKey: String {
        switch self {
        case .deployer: return "deployer"
        case .developer: return "developer"
        case .harmedParty: return "harmed_party"
        }
    }
}
