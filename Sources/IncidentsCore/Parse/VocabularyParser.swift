/// Reads `vocabularies/<field>.yml`: a list of `{value, description}`.
enum VocabularyParser {
    /// The fields a vocabulary may be for: tags, and the fields readers can browse by.
    static let fields = ["tags"] + IncidentField.browsable.map(\.key)

    static func parse(_ text: String, path: String) -> Result<Vocabulary, BuildFailure> {
        let name = String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".yml", with: "")
        guard fields.contains(name) else {
            let hint = closestKey(to: name, in: fields).map { " (did you mean \($0).yml?)" } ?? ""
            return .failure(BuildFailure(Diagnostic(SourceLocation(file: path, line: 1, column: 1),
                                                    "names no field a vocabulary can be for\(hint), expected one of \(fields.map { $0 + ".yml" }.joined(separator: ", "))")))
        }
        let root: YAMLNode?
        do {
            root = try YAMLParser.parse(text, path: path, firstLine: 1)
        } catch {
            return .failure(error)
        }
        guard case .sequence(let items)? = root?.content else {
            let location = root?.location ?? SourceLocation(file: path, line: 1, column: 1)
            return .failure(BuildFailure(Diagnostic(location, "expected a list of entries such as \"- value: Privacy\" with an optional description")))
        }
        var entries: [Vocabulary.Entry] = []
        var problems: [Diagnostic] = []
        var seen: [String: String] = [:]
        for (index, item) in items.enumerated() {
            guard case .mapping(let mapping) = item.content else {
                problems.append(Diagnostic(item.location, key: "[\(index)]", "found \(FrontMatterReader.describe(item)), expected an entry with value and description"))
                continue
            }
            var value: String?, description: String?
            var labels: [String: String] = [:], descriptions: [String: String] = [:]
            for entry in mapping {
                let key = entry.key.scalar?.text ?? ""
                let text = entry.value.scalar?.text.trimmingWhitespace()
                switch key {
                case "value":
                    if let text, !text.isEmpty, !Slug.forTag(text).isEmpty { value = text } else {
                        problems.append(Diagnostic(entry.value.location, key: "[\(index)].value", "found \(FrontMatterReader.describe(entry.value)), expected a value with a letter or digit"))
                    }
                case "description":
                    if let text, !text.isEmpty { description = text } else {
                        problems.append(Diagnostic(entry.value.location, key: "[\(index)].description", "found \(FrontMatterReader.describe(entry.value)), expected text"))
                    }
                case "translations":
                    guard case .mapping(let languages) = entry.value.content else {
                        problems.append(Diagnostic(entry.value.location, key: "[\(index)].translations", "found \(FrontMatterReader.describe(entry.value)), expected a map of languages such as fr: {label: Vie privée}"))
                        continue
                    }
                    for language in languages {
                        let code = language.key.scalar?.text ?? ""
                        let keyPath = "[\(index)].translations.\(code)"
                        guard IncidentParser.isLanguageTag(code), case .mapping(let fields) = language.value.content else {
                            problems.append(Diagnostic(language.key.location, key: keyPath, "expected a language code such as fr with {label, description}"))
                            continue
                        }
                        for field in fields {
                            let name = field.key.scalar?.text ?? ""
                            guard let text = field.value.scalar?.text.trimmingWhitespace(), !text.isEmpty, name == "label" || name == "description" else {
                                problems.append(Diagnostic(field.key.location, key: "\(keyPath).\(name)", "expected label or description, as text"))
                                continue
                            }
                            if name == "label" { labels[code] = text } else { descriptions[code] = text }
                        }
                    }
                default:
                    problems.append(Diagnostic(entry.key.location, key: "[\(index)].\(key)", "is not a key of a vocabulary entry, expected value, description or translations"))
                }
            }
            guard let value else {
                if !mapping.contains(where: { $0.key.scalar?.text == "value" }) {
                    problems.append(Diagnostic(item.location, key: "[\(index)].value", "missing, expected the value as editors write it"))
                }
                continue
            }
            if let other = seen[Slug.forTag(value)] {
                problems.append(Diagnostic(item.location, key: "[\(index)].value", "\(FrontMatterReader.quote(value)) is the same value as \(FrontMatterReader.quote(other)) (values are compared by slug)"))
                continue
            }
            seen[Slug.forTag(value)] = value
            entries.append(Vocabulary.Entry(value: value, description: description, location: item.location, labels: labels, descriptions: descriptions))
        }
        guard problems.isEmpty else { return .failure(BuildFailure(problems)) }
        return .success(Vocabulary(field: name, path: path, entries: entries))
    }
}
