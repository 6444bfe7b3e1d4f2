/// Reads typed values out of a file's YAML front matter, recording a located
/// diagnostic for every problem instead of stopping at the first.
///
/// Its nodes come from `YAMLParser`, already in the file's positions, so no other code
/// deals with YAML coordinates.
struct FrontMatterReader {
    typealias Node = YAMLNode

    let path: String
    private var entries: [(key: String, keyNode: Node, value: Node)]
    private(set) var diagnostics: [Diagnostic] = []
    /// Problems that do not stop a build, reported by `check` (unknown keys, missing recommended values).
    private(set) var warnings: [Diagnostic] = []

    /// Parses the YAML of `document`; a syntax error, a root that is not a map, or
    /// a duplicate key is thrown at once, since nothing in the file can be trusted then.
    init(_ document: FrontMatterDocument, path: String) throws(BuildFailure) {
        self.path = path
        let root = try YAMLParser.parse(document.yaml, path: path, firstLine: document.yamlFirstLine)
        switch root?.content {
        case nil:
            entries = []
        case .mapping(let mapping)?:
            var entries: [(String, Node, Node)] = []
            var problems: [Diagnostic] = []
            for entry in mapping {
                guard let name = entry.key.scalar?.text else {
                    problems.append(Diagnostic(entry.key.location, "found \(Self.describe(entry.key)) as a key, expected a plain name such as title"))
                    continue
                }
                entries.append((name, entry.key, entry.value))
            }
            self.entries = entries
            self.diagnostics = problems
        case .some:
            throw BuildFailure(Diagnostic(root!.location, "front matter: found \(Self.describe(root!)), expected key: value lines"))
        }
    }

    /// The file's text split at its front matter, and a reader of it: the first step of
    /// every parser of a Markdown file with front matter.
    static func open(_ text: String, path: String) throws(BuildFailure) -> (document: FrontMatterDocument, reader: FrontMatterReader) {
        let document = try FrontMatterDocument.split(text, path: path)
        return (document, try FrontMatterReader(document, path: path))
    }

    /// Where the front matter starts, for problems that belong to no key (a missing one).
    var startLocation: SourceLocation { SourceLocation(file: path, line: 1, column: 1) }

    func location(of node: Node) -> SourceLocation {
        node.location
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

    /// The value of `key`, left in place.
    func peek(_ key: String) -> Node? {
        entries.first { $0.key == key }.map(\.value)
    }

    /// Whether `key` is there with a value (not taken yet, not null).
    func has(_ key: String) -> Bool {
        entries.contains { $0.key == key && !Self.isNull($0.value) }
    }

    // MARK: Typed values

    /// A whole number from `minimum` up, written as a plain YAML number.
    mutating func wholeNumber(_ key: String, minimum: Int, what: String) -> (value: Int, node: Node)? {
        guard let node = take(key) else { return nil }
        guard let scalar = node.scalar, ScalarKind(scalar) == .number, let number = Int(scalar.text.trimmingWhitespace()), number >= minimum else {
            report(node, key: key, "found \(Self.describe(node)), expected \(what)")
            return nil
        }
        return (number, node)
    }

    /// A text value; `what` completes "expected …" in messages.
    mutating func text(_ key: String, required: Bool = false, what: String = "text") -> String? {
        guard let node = take(key) else {
            if required { report(nil, key: key, "missing, expected \(what)") }
            return nil
        }
        return text(node, key: key, required: required, what: what)
    }

    mutating func text(_ node: Node, key: String, required: Bool, what: String) -> String? {
        guard let scalar = node.scalar, ScalarKind(scalar) == .text else {
            report(node, key: key, "found \(Self.describe(node)), expected \(what)" + (node.scalar != nil ? " (put it in quotes)" : ""))
            return nil
        }
        let value = scalar.text.trimmingWhitespace()
        if value.isEmpty {
            if required { report(node, key: key, "is empty, expected \(what)") }
            return nil
        }
        if let problem = Self.controlCharacterProblem(value) {
            report(node, key: key, problem)
            return nil
        }
        return value
    }

    /// Text written through YAML escapes (`"\0"`, `"\e"`) can hold control characters
    /// that would reach the page; only tabs and line breaks are text.
    static func controlCharacterProblem(_ value: String) -> String? {
        // The bytes first: a control character (U+0000–U+001F, U+007F–U+009F) starts
        // with a byte below 0x20, 0x7F, or 0xC2 then 0x80–0x9F. Most values have none.
        var value = value
        let mayHaveOne = value.withUTF8 { bytes in
            bytes.indices.contains { index in
                let byte = bytes[index]
                return (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F
                    || (byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]))
            }
        }
        guard mayHaveOne, let bad = value.unicodeScalars.first(where: {
            $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t"
        }) else { return nil }
        let code = String(bad.value, radix: 16, uppercase: true)
        return "contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), expected plain text"
    }

    mutating func severity(_ key: String) -> Severity? {
        guard let node = take(key) else {
            report(nil, key: key, "missing, expected one of \(Severity.choices)")
            return nil
        }
        guard let raw = node.scalar?.text else {
            report(node, key: key, "found \(Self.describe(node)), expected one of \(Severity.choices)")
            return nil
        }
        guard let severity = Severity(parsing: raw) else {
            report(node, key: key, "\(Self.quote(raw)) is not one of \(Severity.choices)")
            return nil
        }
        return severity
    }

    /// An RFC 3339 date-time, with its node.
    mutating func dateTime(_ key: String) -> (value: DateTime, node: Node)? {
        guard let node = take(key) else { return nil }
        guard let text = node.scalar?.text.trimmingWhitespace(), let value = DateTime(parsing: text) else {
            report(node, key: key, "found \(Self.describe(node)), expected an RFC 3339 date-time such as 2024-02-14T09:30:00Z or 2024-02-14T10:30+01:00")
            return nil
        }
        return (value, node)
    }

    mutating func date(_ key: String, required: Bool = false) -> PartialDate? {
        guard let node = take(key) else {
            if required { report(nil, key: key, "missing, expected a date YYYY-MM-DD (or YYYY-MM, YYYY)") }
            return nil
        }
        return date(node, key: key)
    }

    mutating func date(_ node: Node, key: String) -> PartialDate? {
        guard let raw = node.scalar?.text else {
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
        switch node.scalar?.text.trimmingWhitespace().lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(node, key: key, "found \(Self.describe(node)), expected yes, no, true or false")
            return nil
        }
    }

    /// A list of short texts (tags): each item a scalar, repeats dropped; at most `maximum`
    /// items; `problem` tells why an item cannot be used, reported at the item.
    mutating func textList(_ key: String, maximum: Int, problem: (String) -> String? = { _ in nil }) -> [String] {
        guard let node = take(key) else { return [] }
        guard case .sequence(let sequence) = node.content else {
            report(node, key: key, "found \(Self.describe(node)), expected a list such as [privacy, chatbot]")
            return []
        }
        // Each tag's page lists the incident with all its tags: n tags cost n² links.
        guard sequence.count <= maximum else {
            report(node, key: key, "has \(sequence.count) entries, expected at most \(maximum)")
            return []
        }
        var items: [String] = []
        for (index, item) in sequence.enumerated() {
            guard let raw = item.scalar?.text, !Self.isNull(item) else {
                report(item, key: "\(key)[\(index)]", "found \(Self.describe(item)), expected text")
                continue
            }
            let value = raw.trimmingWhitespace()
            if let reason = Self.controlCharacterProblem(value) ?? problem(value) {
                report(item, key: "\(key)[\(index)]", reason)
                continue
            }
            if !items.contains(value) { items.append(value) }
        }
        return items
    }

    /// A list of maps (sources), each read by `readItem` with its own key path.
    mutating func mapList<Item>(_ key: String, readItem: (inout FrontMatterReader, _ fields: [String: Node], _ itemNode: Node, _ keyPath: String) -> Item?) -> [Item] {
        guard let node = take(key) else { return [] }
        guard case .sequence(let sequence) = node.content else {
            report(node, key: key, "found \(Self.describe(node)), expected a list of entries, each starting with '- '")
            return []
        }
        var items: [Item] = []
        for (index, itemNode) in sequence.enumerated() {
            let keyPath = "\(key)[\(index)]"
            guard case .mapping(let mapping) = itemNode.content else {
                report(itemNode, key: keyPath, "found \(Self.describe(itemNode)), expected an entry with title, publisher, date, type, url")
                continue
            }
            var fields: [String: Node] = [:]
            for entry in mapping where !Self.isNull(entry.value) {
                if let name = entry.key.scalar?.text { fields[name] = entry.value }
            }
            if let item = readItem(&self, fields, itemNode, keyPath) { items.append(item) }
        }
        return items
    }

    /// Everything not taken yet, for templates. Anchors and aliases are refused before
    /// composing, so this is linear in the size of the front matter.
    mutating func remainingParams() -> [String: ParamValue] {
        var params: [String: ParamValue] = [:]
        for entry in entries {
            params[entry.key] = Self.templateValue(entry.value)
        }
        entries.removeAll()
        return params
    }

    /// The keys not taken yet, with their positions (for "unknown key" warnings).
    var remainingKeys: [(key: String, location: SourceLocation)] {
        entries.map { ($0.key, location(of: $0.keyNode)) }
    }

    private static func templateValue(_ node: Node) -> ParamValue {
        switch node.content {
        case .scalar(let scalar):
            return .text(scalar.text)
        case .sequence(let sequence):
            return .list(sequence.map(templateValue))
        case .mapping(let mapping):
            var entries: [String: ParamValue] = [:]
            for entry in mapping { entries[entry.key.scalar?.text ?? ""] = templateValue(entry.value) }
            return .map(entries)
        }
    }

    // MARK: Describing values and errors

    static func isNull(_ node: Node) -> Bool {
        node.scalar.map { ScalarKind($0) == .null } ?? false
    }

    /// What a value is, in the words of "found …": `number 12`, `a list`, `"text"`.
    static func describe(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar):
            switch ScalarKind(scalar) {
            case .null: return "nothing"
            case .bool: return "true/false value \(scalar.text)"
            case .number: return "number \(scalar.text)"
            case .text: return quote(scalar.text)
            }
        case .sequence: return "a list"
        case .mapping: return "a map of keys"
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
}
