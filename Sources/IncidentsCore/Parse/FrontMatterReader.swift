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

    /// Composes the YAML of `document`; a syntax error, a root that is not a map, or
    /// a duplicate key is thrown at once, since nothing in the file can be trusted then.
    init(_ document: FrontMatterDocument, path: String) throws(BuildFailure) {
        self.path = path
        self.lineOffset = document.yamlFirstLine - 1
        self.yaml = document.yaml
        if let (line, column) = Self.firstAnchorOrAlias(in: document.yaml) {
            throw BuildFailure(Diagnostic(
                SourceLocation(file: path, line: line + lineOffset, column: column),
                "YAML anchors and aliases (&name, *name) are not supported in front matter, expected plain values (put text that starts with & or * in quotes)"))
        }
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
            var problems: [Diagnostic] = []
            for (keyNode, value) in mapping {
                guard let name = keyNode.scalar?.string else {
                    let offset = document.yamlFirstLine - 1
                    let at = keyNode.mark.map { SourceLocation(file: path, line: $0.line + offset, column: $0.column) }
                    problems.append(Diagnostic(at ?? SourceLocation(file: path, line: 1, column: 1),
                                               "found \(Self.describe(keyNode)) as a key, expected a plain name such as title"))
                    continue
                }
                entries.append((name, keyNode, value))
            }
            self.entries = entries
            self.diagnostics = problems
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
        if let problem = Self.controlCharacterProblem(value) {
            report(node, key: key, problem)
            return nil
        }
        return value
    }

    /// Text written through YAML escapes (`"\0"`, `"\e"`) can hold control characters
    /// that would reach the page; only tabs and line breaks are text.
    static func controlCharacterProblem(_ value: String) -> String? {
        guard let bad = value.unicodeScalars.first(where: {
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

    /// A list of short texts (tags): each item a scalar, repeats dropped; at most `maximum`
    /// items; `problem` tells why an item cannot be used, reported at the item.
    mutating func textList(_ key: String, maximum: Int, problem: (String) -> String? = { _ in nil }) -> [String] {
        guard let node = take(key) else { return [] }
        guard case .sequence(let sequence) = node else {
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
            guard let raw = item.scalar?.string, !Self.isNull(item) else {
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

    /// Everything not taken yet, for templates. Anchors and aliases are refused before
    /// composing, so this is linear in the size of the front matter.
    mutating func remainingParams() -> [String: TemplateValue] {
        var params: [String: TemplateValue] = [:]
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

    private static func templateValue(_ node: Node) -> TemplateValue {
        switch node {
        case .scalar(let scalar):
            return .text(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map(templateValue))
        case .mapping(let mapping):
            var entries: [String: TemplateValue] = [:]
            for (key, value) in mapping { entries[key.scalar?.string ?? ""] = templateValue(value) }
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
            var message = problem.hasPrefix("Maximum nesting level reached")
                ? "invalid YAML: values are nested too deeply, expected front matter of at most a few levels"
                : "invalid YAML: \(problem)"
            if !problem.contains("tab"), Self.character(atLine: mark.line, column: mark.column, in: yaml) == "\t" {
                message += "; a tab cannot indent YAML, use spaces"
            }
            if let context {
                message += " (\(context.text) at line \(context.mark.line + lineOffset), column \(context.mark.column))"
            }
            return Diagnostic(location(mark), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let line = secondOccurrence(of: key, after: context.mark, in: yaml) ?? context.mark.line
            let path = itemPath(line: context.mark.line, column: context.mark.column, in: yaml).map { "\($0).\(key)" } ?? key
            return Diagnostic(location(line: line, column: context.mark.column), key: path,
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

    private static func character(atLine line: Int, column: Int, in yaml: String) -> Unicode.Scalar? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        return column >= 1 && column <= scalars.count ? scalars[column - 1] : nil
    }

    /// The position (line, column in the YAML text) of the first anchor `&name` or alias
    /// `*name`, or nil. Front matter has no use for them, and an alias used as a key
    /// made Yams hash an exponentially large node before any bound of ours could apply.
    /// Scans where YAML can start a node (line start, after `- `, `? `, `: `, `[`, `{`,
    /// `,`), skipping quoted text, comments and block scalars (`|`, `>`).
    static func firstAnchorOrAlias(in yaml: String) -> (line: Int, column: Int)? {
        var blockIndent: Int?  // inside a block scalar started by a line with this indentation
        for (lineIndex, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            let indent = scalars.prefix { $0 == " " }.count
            if let block = blockIndent {
                if indent > block || scalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                blockIndent = nil
            }
            var quote: Unicode.Scalar?
            var nodeStart = true
            var index = 0
            while index < scalars.count {
                let scalar = scalars[index]
                if let open = quote {
                    if scalar == open { quote = nil }
                    index += 1
                    continue
                }
                if scalar == " " || scalar == "\t" { index += 1; continue }
                if scalar == "#" && (index == 0 || scalars[index - 1] == " ") { break }
                if nodeStart && (scalar == "&" || scalar == "*"), index + 1 < scalars.count,
                   !scalars[index + 1].properties.isWhitespace {
                    return (lineIndex + 1, index + 1)
                }
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                let indicatorFollows = next == " " || next == "\t"
                if (scalar == "\"" || scalar == "'") && nodeStart {
                    quote = scalar
                    nodeStart = false
                } else if scalar == "[" || scalar == "{" || scalar == "," {
                    nodeStart = true
                } else if (scalar == "-" || scalar == "?" || scalar == ":") && indicatorFollows {
                    nodeStart = true
                } else {
                    nodeStart = false
                }
                index += 1
            }
            // `key: |` or `- >-`: the lines below, indented deeper, are text.
            let trimmed = String(String.UnicodeScalarView(scalars)).trimmingWhitespace()
            if quote == nil, ["|", ">", "|-", ">-", "|+", ">+"].contains(where: { trimmed.hasSuffix(" " + $0) || trimmed == "- " + $0 }) {
                blockIndent = indent
            }
        }
        return nil
    }

    /// For a key inside an entry of a block list (`sources:` then `  - title: …`), the
    /// entry's path, e.g. `sources[1]`, so messages name it as validation errors do.
    private static func itemPath(line: Int, column: Int, in yaml: String) -> String? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func indent(_ text: String) -> Int { text.prefix { $0 == " " }.count }
        func isContent(_ text: String) -> Bool {
            let trimmed = text.trimmingWhitespace()
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        // The entry: the nearest line above (or at) `line` that starts with "- " and whose
        // content begins at the key's column.
        var entryLine: Int?
        var index = line - 1
        while index >= 0 {
            let text = lines[index]
            if isContent(text) {
                let dash = indent(text)
                if text.dropFirst(dash).hasPrefix("- ") && dash + 3 == column { entryLine = index; break }
                if dash + 1 < column && index != line - 1 { return nil }
            }
            index -= 1
        }
        guard let entry = entryLine else { return nil }
        let dashIndent = indent(lines[entry])
        // The list's key: the nearest line above the entry that is less indented.
        var position = 0
        var parent = entry - 1
        while parent >= 0 {
            let text = lines[parent]
            if isContent(text) {
                if indent(text) < dashIndent || (indent(text) == dashIndent && !text.dropFirst(dashIndent).hasPrefix("- ")) { break }
                if indent(text) == dashIndent { position += 1 }
            }
            parent -= 1
        }
        guard parent >= 0 else { return nil }
        let parentText = lines[parent].trimmingWhitespace()
        guard parentText.hasSuffix(":") else { return nil }
        return "\(parentText.dropLast())[\(position)]"
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
