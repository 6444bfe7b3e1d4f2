/// Reads a catalogue of built-in strings: the theme's `Theme/Strings/<lang>.yml`, or a
/// site's `i18n/<lang>.yml`. A map of keys to texts; a counted string maps plural
/// categories (`one`, `other`, …) to texts.
enum StringCatalogueParser {
    /// Keys a site's file may give besides the built-in strings: the site's title and
    /// description in that language.
    static let siteKeys = ["title", "description"]

    /// The entries of `text`, or every problem it has. With `knownKeys` (the built-in
    /// strings), a key that is not one of them is the site's own string for its
    /// templates, unless it is a near miss of one (a warning with "did you mean"); a
    /// built-in counted string given as plain text (or the reverse) is an error.
    static func parse(_ text: String, path: String, knownKeys: [String: StringCatalogue.Entry]? = nil)
        -> (result: Result<[String: StringCatalogue.Entry], BuildFailure>, warnings: [Diagnostic]) {
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(text, path: path, firstLine: 1)
        } catch {
            return (.failure(error), [])
        }
        guard let root else { return (.success([:]), []) }
        guard case .mapping(let mapping) = root.content else {
            return (.failure(BuildFailure(Diagnostic(root.location, "found \(FrontMatterReader.describe(root)), expected key: text lines such as back_to_incidents: ← Retour aux incidents"))), [])
        }
        var entries: [String: StringCatalogue.Entry] = [:]
        var problems: [Diagnostic] = [], warnings: [Diagnostic] = []
        for (keyNode, valueNode) in mapping.map({ ($0.key, $0.value) }) {
            let key = keyNode.scalar?.text ?? ""
            if let knownKeys, knownKeys[key] == nil, !siteKeys.contains(key),
               let near = closestKey(to: key, in: Array(knownKeys.keys) + siteKeys) {
                warnings.append(Diagnostic(keyNode.location, key: key, "is not a built-in string (did you mean \(near)?); it is kept as the site's own string for templates", severity: .warning))
            }
            let expectsPlural: Bool? = knownKeys.flatMap { known in known[key].map { if case .plural = $0 { true } else { false } } }
            switch valueNode.content {
            case .scalar(let scalar) where expectsPlural != true:
                entries[key] = .text(scalar.text)
            case .mapping(let forms) where expectsPlural != false:
                var plural: [PluralCategory: String] = [:]
                for form in forms {
                    let name = form.key.scalar?.text ?? ""
                    guard let category = PluralCategory(rawValue: name) else {
                        problems.append(Diagnostic(form.key.location, key: "\(key).\(name)", "is not a plural form, expected one of \(PluralCategory.allCases.map(\.rawValue).joined(separator: ", "))"))
                        continue
                    }
                    guard let text = form.value.scalar?.text else {
                        problems.append(Diagnostic(form.value.location, key: "\(key).\(name)", "found \(FrontMatterReader.describe(form.value)), expected text"))
                        continue
                    }
                    plural[category] = text
                }
                if plural[.other] == nil {
                    problems.append(Diagnostic(valueNode.location, key: key, "has no other form, expected at least other: (the form for most numbers)"))
                }
                entries[key] = .plural(plural)
            default:
                let expected = expectsPlural == true ? "forms by number such as one: \"{count} incident\" and other: \"{count} incidents\"" : "text"
                problems.append(Diagnostic(valueNode.location, key: key, "found \(FrontMatterReader.describe(valueNode)), expected \(expected)"))
            }
        }
        guard problems.isEmpty else { return (.failure(BuildFailure(problems)), warnings) }
        return (.success(entries), warnings)
    }
}
