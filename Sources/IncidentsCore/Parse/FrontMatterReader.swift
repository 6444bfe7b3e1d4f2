internal import Yams

/// Reads typed values out of a file's YAML front matter, recording a located
/// diagnostic for every problem instead of stopping at the first.
///
/// All of Yams stays behind this type: positions are shifted from the YAML text
/// to the file here, once, so no other code deals with YAML coordinates.
struct FrontMatterReader {
    let path: String
    private let lineOffset: Int
    private let yaml: String
    private var entries: [(key: String, keyNode: Node, value: Node)]
    private(set) var diagnostics: [Diagnostic] = []
    /// Problems that do not stop a build, reported by `check` (unknown keys, missing recommended values).
    private(set) var warnings: [Diagnostic] = []

    /// Values a front matter may expand to through YAML aliases before it is refused;
    /// keeps a "billion laughs" file from costing more than a large honest one.
    static let valueBudget = 10_000

    /// Composes the YAML of `document`; a syntax error, a root that is not a map, or
    /// a duplicate key is thrown at once, since nothing in the file can be trusted then.
    init(_ document: FrontMatterDocument, path: String) throws(BuildFailure) {
        self.path = path
        self.lineOffset = document.yamlFirstLine - 1
        self.yaml = document.yaml
        let root: Node?
        do {
            // `.basic` resolves no tags by regex (see ScalarKind); an explicit encoding keeps
            // Yams from reading the process environment for every file.
            root = try Yams.compose(yaml: document.yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw BuildFailure(Self.diagnostic(for: error, path: path, lineOffset: lineOffset, yaml: document.yaml))
        } catch {
            throw BuildFailure(Diagnostic(SourceLocation(file: path, line: 1, column: 1), "front matter could not be read: \(error)"))
        }
        switch root {
        case nil:
            entries = []
        case .mapping(let mapping)?:
            var entries: [(String, Node, Node)] = []
            for (keyNode, value) in mapping {
                entries.append((keyNode.scalar?.string ?? "", keyNode, value))
            }
            self.entries = entries
        case let other?:
            let location = SourceLocation(file: path, line: (other.mark?.line ?? 1) + lineOffset, column: other.mark?.column ?? 1)
            throw BuildFailure(Diagnostic(location, "front matter: found \(Self.describe(other)), expected key: value lines"))
        }
    }

    /// Where the front matter starts, for problems that belong to no key (a missing one).
    var startLocation: SourceLocation { SourceLocation(file: path, line: 1, column: 1) }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return startLocation }
        return SourceLocation(file: path, line: mark.line + lineOffset, column: mark.column)
    }

    mutating func report(_ node: Node?, key: String, _ message: String) {
        report(at: node.map(location(of:)) ?? startLocation, key: key, message)
    }

    mutating func report(at location: SourceLocation, key: String, _ message: String) {
        diagnostics.append(Diagnostic(location, key: key, message))
    }

    mutating func warn(at location: SourceLocation, key: String, _ message: String) {
        warnings.append(Diagnostic(location, key: key, message, severity: .warning))
    }

    /// Removes and returns the value of `key`; a YAML null counts as absent.
    mutating func take(_ key: String) -> Node? {
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        let value = entries.remove(at: index).value
        return Self.isNull(value) ? nil : value
    }

    // MARK: Typed values

    /// A text value; `what` completes "expected …" in messages.
    mutating func text(_ key: String, required: Bool = false, what: String = "text") -> String? {
        guard let node = take(key) else {
            if required { report(nil, key: key, "missing, expected \(what)") }
            return nil
        }
        return text(node, key: key, required: required, what: what)
    }

    mutating func text(_ node: Node, key: String, required: Bool, what: String) -> String? {
        guard case .scalar(let scalar) = node, ScalarKind(scalar) == .text else {
            report(node, key: key, "found \(Self.describe(node)), expected \(what)" + (node.scalar != nil ? " (put it in quotes)" : ""))
            return nil
        }
        let value = scalar.string.trimmingWhitespace()
        if value.isEmpty {
            if required { report(node, key: key, "is empty, expected \(what)") }
            return nil
        }
        return value
    }

    mutating func severity(_ key: String) -> Severity? {
        guard let node = take(key) else {
            report(nil, key: key, "missing, expected one of \(Severity.choices)")
            return nil
        }
        guard let raw = node.scalar?.string else {
            report(node, key: key, "found \(Self.describe(node)), expected one of \(Severity.choices)")
            return nil
        }
        guard let severity = Severity(parsing: raw) else {
            report(node, key: key, "\(Self.quote(raw)) is not one of \(Severity.choices)")
            return nil
        }
        return severity
    }

    mutating func date(_ key: String, required: Bool = false) -> PartialDate? {
        guard let node = take(key) else {
            if required { report(nil, key: key, "missing, expected a date YYYY-MM-DD (or YYYY-MM, YYYY)") }
            return nil
        }
        return date(node, key: key)
    }

    mutating func date(_ node: Node, key: String) -> PartialDate? {
        guard let raw = node.scalar?.string else {
            report(node, key: key, "found \(Self.describe(node)), expected a date YYYY-MM-DD (or YYYY-MM, YYYY)")
            return nil
        }
        guard let date = PartialDate(parsing: raw) else {
            report(node, key: key, "\(Self.quote(raw)) is not a date, expected YYYY-MM-DD, YYYY-MM or YYYY with a real month and day")
            return nil
        }
        return date
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = take(key) else { return nil }
        switch node.scalar?.string.trimmingWhitespace().lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(node, key: key, "found \(Self.describe(node)), expected yes, no, true or false")
            return nil
        }
    }

    /// A list of short texts (tags): each item a scalar, repeats dropped.
    mutating func textList(_ key: String) -> [String] {
        guard let node = take(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            report(node, key: key, "found \(Self.describe(node)), expected a list such as [privacy, chatbot]")
            return []
        }
        var items: [String] = []
        for (index, item) in sequence.enumerated() {
            guard let raw = item.scalar?.string, !Self.isNull(item) else {
                report(item, key: "\(key)[\(index)]", "found \(Self.describe(item)), expected text")
                continue
            }
            let value = raw.trimmingWhitespace()
            if !items.contains(value) { items.append(value) }
        }
        return items
    }

    /// A list of maps (sources), each read by `readItem` with its own key path.
    mutating func mapList<Item>(_ key: String, readItem: (inout FrontMatterReader, _ fields: [String: Node], _ itemNode: Node, _ keyPath: String) -> Item?) -> [Item] {
        guard let node = take(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            report(node, key: key, "found \(Self.describe(node)), expected a list of entries, each starting with '- '")
            return []
        }
        var items: [Item] = []
        for (index, itemNode) in sequence.enumerated() {
            let keyPath = "\(key)[\(index)]"
            guard case .mapping(let mapping) = itemNode else {
                report(itemNode, key: keyPath, "found \(Self.describe(itemNode)), expected an entry with title, publisher, date, type, url")
                continue
            }
            var fields: [String: Node] = [:]
            for (fieldKey, value) in mapping where !Self.isNull(value) {
                if let name = fieldKey.scalar?.string { fields[name] = value }
            }
            if let item = readItem(&self, fields, itemNode, keyPath) { items.append(item) }
        }
        return items
    }

    /// Everything not taken yet, for templates; expansion is bounded by `valueBudget`.
    mutating func remainingParams() -> [String: TemplateValue] {
        var budget = Self.valueBudget
        var params: [String: TemplateValue] = [:]
        for entry in entries {
            guard let value = templateValue(entry.value, budget: &budget) else {
                report(entry.value, key: entry.key, "expands to more than \(Self.valueBudget) values (YAML aliases?), expected a small value")
                break
            }
            params[entry.key] = value
        }
        entries.removeAll()
        return params
    }

    /// The keys not taken yet, with their positions (for "unknown key" warnings).
    var remainingKeys: [(key: String, location: SourceLocation)] {
        entries.map { ($0.key, location(of: $0.keyNode)) }
    }

    private func templateValue(_ node: Node, budget: inout Int) -> TemplateValue? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            return .text(scalar.string)
        case .sequence(let sequence):
            var items: [TemplateValue] = []
            for item in sequence {
                guard let value = templateValue(item, budget: &budget) else { return nil }
                items.append(value)
            }
            return .list(items)
        case .mapping(let mapping):
            var entries: [String: TemplateValue] = [:]
            for (key, value) in mapping {
                guard let converted = templateValue(value, budget: &budget) else { return nil }
                entries[key.scalar?.string ?? ""] = converted
            }
            return .map(entries)
        case .alias:
            return .text("")
        }
    }

    // MARK: Describing values and errors

    static func isNull(_ node: Node) -> Bool {
        node.scalar.map { ScalarKind($0) == .null } ?? false
    }

    /// What a value is, in the words of "found …": `number 12`, `a list`, `"text"`.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            switch ScalarKind(scalar) {
            case .null: return "nothing"
            case .bool: return "true/false value \(scalar.string)"
            case .number: return "number \(scalar.string)"
            case .text: return quote(scalar.string)
            }
        case .sequence: return "a list"
        case .mapping: return "a map of keys"
        case .alias: return "an alias"
        }
    }

    static func quote(_ text: String) -> String {
        let shown = text.count > 60 ? text.prefix(60) + "…" : Substring(text)
        var escaped = ""
        for scalar in shown.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default:
                if scalar.properties.generalCategory == .control {
                    escaped += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"\(escaped)\""
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int, yaml: String) -> Diagnostic {
        func location(_ mark: Mark) -> SourceLocation {
            location(line: mark.line, column: mark.column)
        }
        func location(line: Int, column: Int) -> SourceLocation {
            SourceLocation(file: path, line: line + lineOffset, column: column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line + lineOffset), column \(context.mark.column))"
            }
            return Diagnostic(location(mark), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let line = secondOccurrence(of: key, after: context.mark, in: yaml) ?? context.mark.line
            return Diagnostic(location(line: line, column: context.mark.column), key: key,
                              "is given more than once (first on line \(context.mark.line + lineOffset)), expected each key once")
        case .reader(let problem, let offset, _, _):
            var line = 1
            var column = 1
            if let offset {
                for byte in yaml.utf8.prefix(offset) {
                    if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
                }
            }
            return Diagnostic(location(line: line, column: column), "front matter cannot be read as YAML: \(problem)")
        default:
            return Diagnostic(SourceLocation(file: path, line: 1, column: 1), "front matter cannot be read as YAML: \(error)")
        }
    }

    /// Yams names the first of two equal keys; editors want to see the repeat (its line).
    private static func secondOccurrence(of key: String, after first: Mark, in yaml: String) -> Int? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let prefix = String(repeating: " ", count: first.column - 1)
        for index in first.line..<lines.count {
            let line = lines[index]
            guard line.hasPrefix(prefix) else { continue }
            let rest = line.dropFirst(prefix.count)
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                if rest.dropFirst(candidate.count).trimmingWhitespace().hasPrefix(":") {
                    return index + 1
                }
            }
        }
        return nil
    }
}
