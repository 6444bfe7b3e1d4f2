extension Template {
    /// A template that cannot be compiled: where, and why in words.
    struct ParseError: Error, Sendable {
        /// The byte offset of the problem in the template's UTF-8 text; `SourceLocator`
        /// turns it into a line and column.
        var offset: Int
        var message: String
    }

    /// Sections (`{{#x}}`, `{{^x}}`, `{{$x}}`, `{{<x}}`) may nest this deep; the theme needs 6.
    static let maximumNesting = 64

    /// Compiles `text`. Errors carry the byte offset of the tag.
    init(parsing text: String) throws(ParseError) {
        var parser = Parser(Array(text))
        var references: [Reference] = []
        self = try parser.parseSection(State(), depth: 0, references: &references)
        self.references = references
    }

    /// The parser's place in the text and the rules in force there.
    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        /// At the start of a line (only spaces or tabs before this point).
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`, where only block definitions count.
        var isInheritingSection = false
        /// Directly inside it (not inside one of its blocks).
        var isInheritingTopLevel = false
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
        /// Inside a block definition: the indentation of its first line, taken off every line.
        var definitionIndent: [Character]?

        func entering(section name: String, transforms: [String] = [], newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isInheritingTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func enteringInheritance(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isInheritingSection = true
            state.isInheritingTopLevel = true
            return state
        }
    }

    private struct Parser {
        let characters: [Character]
        /// The UTF-8 offset at which each character starts, and the text's length last:
        /// positions leave the parser as byte offsets, the unit of `SourceLocator`.
        let byteOffsets: [Int]
        var position = 0

        init(_ characters: [Character]) {
            self.characters = characters
            var offsets = [0]
            offsets.reserveCapacity(characters.count + 1)
            for character in characters { offsets.append(offsets[offsets.count - 1] + character.utf8.count) }
            byteOffsets = offsets
        }

        var atEnd: Bool { position >= characters.count }
        var current: Character? { atEnd ? nil : characters[position] }

        func error(_ message: String, at place: Int? = nil) -> ParseError {
            ParseError(offset: byteOffset(place ?? position), message: message)
        }

        func byteOffset(_ place: Int) -> Int {
            byteOffsets[min(max(place, 0), characters.count)]
        }

        func matches(_ text: [Character], at place: Int) -> Bool {
            place + text.count <= characters.count && characters[place..<place + text.count].elementsEqual(text)
        }

        mutating func read(_ text: [Character]) -> Bool {
            guard matches(text, at: position) else { return false }
            position += text.count
            return true
        }

        @discardableResult
        mutating func skip(while accept: (Character) -> Bool) -> [Character] {
            let start = position
            while let character = current, accept(character) { position += 1 }
            return Array(characters[start..<position])
        }

        /// Text up to the next newline (excluded) or opening delimiter (consumed).
        mutating func readText(_ state: State) -> [Character] {
            var text: [Character] = []
            while let character = current {
                if character.isNewline { break }
                if matches(state.open, at: position) {
                    position += state.open.count
                    break
                }
                text.append(character)
                position += 1
            }
            return text
        }

        /// Whether the rest of the line is blank; if so the line break is consumed too.
        mutating func lineFinishes() -> Bool {
            if atEnd { return true }
            var probe = position
            while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
            // Blanks up to the end of the text without a line break do not finish the line.
            guard probe < characters.count, characters[probe].isNewline else { return false }
            position = probe + 1
            return true
        }

        /// A tag alone on its line: the line leaves no trace in the output.
        mutating func isStandalone(_ state: State) -> Bool {
            state.newLine && lineFinishes()
        }

        static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()")
        static let partialNameCharacters = nameCharacters.union(["/"])

        /// `name`, `a.b`, `.`, or transforms around one: `uppercased(a.b)`, `first()`.
        mutating func readName(_ state: State) throws(ParseError) -> Name {
            let start = position
            skip { $0.isWhitespace }
            let text = String(skip { Self.nameCharacters.contains($0) })
            skip { $0.isWhitespace }
            guard read(state.close) else { throw error("a tag is not closed with \(String(state.close))", at: start) }
            guard text.contains("(") || text.contains(")") else { return Self.name(text, transforms: []) }
            // `t1(t2(name))`: transforms outermost first, then the name, then one `)` each.
            var transforms: [String] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "(") {
                transforms.append(String(rest[..<open]))
                rest = rest[rest.index(after: open)...]
            }
            let closing = rest.drop { $0 != ")" }
            let inner = rest.prefix { $0 != ")" }
            guard !transforms.isEmpty, closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }),
                  !inner.contains("("), transforms.allSatisfy({ !$0.isEmpty && !$0.contains(")") }) else {
                throw error("a transform is malformed, expected name(value) such as uppercased(title)", at: start)
            }
            return Self.name(String(inner), transforms: transforms, text: text)
        }

        static func name(_ text: String, transforms: [String], text written: String? = nil) -> Name {
            let kind: Name.Kind
            if text == "." {
                kind = .current
            } else if text.isEmpty && !transforms.isEmpty {
                kind = .sequence
            } else if text.hasPrefix(".") {
                kind = .path(text.split(separator: ".").map(String.init), localOnly: true)
            } else {
                kind = .path(text.split(separator: ".").map(String.init), localOnly: false)
            }
            return Name(kind: kind, transforms: transforms, text: written ?? text)
        }

        mutating func readPartialName(_ state: State) throws(ParseError) -> String {
            let start = position
            skip { $0.isWhitespace }
            let text = String(skip { Self.partialNameCharacters.contains($0) })
            skip { $0.isWhitespace }
            guard read(state.close) else { throw error("a tag is not closed with \(String(state.close))", at: start) }
            return text
        }

        /// Everything up to the template's end, or up to the `{{/name}}` that closes
        /// the section `state` is in.
        mutating func parseSection(_ initial: State, depth: Int, references: inout [Reference]) throws(ParseError) -> Template {
            var state = initial
            var nodes: [Node] = []
            var whitespaceBefore: [Character] = []
            func text(_ characters: [Character]) -> Node { .text(Array(String(characters).utf8)) }

            while !atEnd {
                if state.newLine {
                    let whitespace = skip { $0 == " " || $0 == "\t" }
                    if state.isInheritingSection && !state.isInheritingTopLevel {
                        if let indent = state.definitionIndent {
                            whitespaceBefore = Array(whitespace.dropFirst(indent.count))
                        } else {
                            state.definitionIndent = whitespace
                        }
                    } else {
                        whitespaceBefore = whitespace
                    }
                }
                let content = readText(state)
                if let character = current, character.isNewline {
                    nodes.append(text(whitespaceBefore + content + [character]))
                    state.newLine = true
                    position += 1
                    continue
                }
                if !content.isEmpty {
                    nodes.append(text(whitespaceBefore + content))
                    whitespaceBefore = []
                    state.newLine = false
                }
                if atEnd { break }
                let tagStart = position - state.open.count
                let tagOffset = byteOffset(tagStart)
                var endsLine = false
                func flushWhitespace() {
                    if !whitespaceBefore.isEmpty {
                        nodes.append(text(whitespaceBefore))
                        whitespaceBefore = []
                    }
                }
                func nested(_ state: State, _ body: (inout Parser) throws(ParseError) -> Template) throws(ParseError) -> Template {
                    guard depth < Template.maximumNesting else {
                        throw ParseError(offset: tagOffset,
                                         message: "sections are nested more than \(Template.maximumNesting) deep, expected a shallower template")
                    }
                    return try body(&self)
                }

                switch current {
                case "#", "^":
                    let inverted = current == "^"
                    position += 1
                    let name = try readName(state)
                    if isStandalone(state) { endsLine = true } else { flushWhitespace() }
                    let inner = state.entering(section: name.text, transforms: name.transforms, newLine: endsLine)
                    let body = try nested(inner) { (parser) throws(ParseError) in try parser.parseSection(inner, depth: depth + 1, references: &references) }
                    nodes.append(.section(name, body, inverted: inverted))

                case "/":
                    position += 1
                    let nameStart = position
                    let name = try readName(state)
                    guard name.text == state.sectionName, name.transforms == state.sectionTransforms else {
                        let expected = state.sectionName.map { "{{/\($0)}}" } ?? "no closing tag here"
                        throw error("a section is closed with a different name than it was opened with, expected \(expected)", at: nameStart)
                    }
                    if !isStandalone(state) { flushWhitespace() }
                    return Template(nodes: nodes)

                case "!":
                    position += 1
                    while !atEnd, !matches(state.close, at: position) { position += 1 }
                    guard read(state.close) else { throw error("a comment is never closed with \(String(state.close))", at: tagStart) }
                    endsLine = isStandalone(state)

                case "{":
                    flushWhitespace()
                    position += 1
                    let name = try readName(state)
                    guard read(["}"]) else { throw error("a tag is not closed with }\(String(state.close))", at: tagStart) }
                    nodes.append(.variable(name, escaped: false))

                case "&":
                    flushWhitespace()
                    position += 1
                    nodes.append(.variable(try readName(state), escaped: false))

                case ">":
                    position += 1
                    skip { $0.isWhitespace }
                    if current == "*" {
                        throw ParseError(offset: tagOffset,
                                         message: "partials with a dynamic name ({{>*name}}) are not supported, expected a fixed name such as {{> footer}}")
                    }
                    let name = try readPartialName(state)
                    let indentation = whitespaceBefore
                    flushWhitespace()
                    references.append(Reference(name: name, inherits: false, offset: tagOffset))
                    if isStandalone(state) {
                        endsLine = true
                        nodes.append(.partial(name, indentation: String(indentation), overrides: nil))
                    } else {
                        nodes.append(.partial(name, indentation: nil, overrides: nil))
                    }

                case "<":
                    position += 1
                    skip { $0.isWhitespace }
                    let name = try readPartialName(state)
                    if name.hasPrefix("*") {
                        throw ParseError(offset: tagOffset,
                                         message: "partials with a dynamic name ({{<*name}}) are not supported, expected a fixed name such as {{<layout}}")
                    }
                    let indentation = whitespaceBefore
                    flushWhitespace()
                    if isStandalone(state) { endsLine = true }
                    references.append(Reference(name: name, inherits: true, offset: tagOffset))
                    let inner = state.enteringInheritance(name)
                    let body = try nested(inner) { (parser) throws(ParseError) in try parser.parseSection(inner, depth: depth + 1, references: &references) }
                    var overrides: [String: Template] = [:]
                    for node in body.nodes {
                        switch node {
                        case .block(let block, let template, _): overrides[block] = template
                        case .text: continue
                        default:
                            throw ParseError(offset: tagOffset,
                                             message: "only blocks ({{$name}}…{{/name}}) may stand inside {{<\(name)}}…{{/\(name)}}")
                        }
                    }
                    nodes.append(.partial(name, indentation: String(indentation), overrides: overrides))

                case "$":
                    position += 1
                    let name = try readName(state)
                    guard name.transforms.isEmpty else {
                        throw ParseError(offset: tagOffset, message: "a block cannot have a transform, expected {{$name}}")
                    }
                    if state.isInheritingTopLevel {
                        endsLine = isStandalone(state)
                        let inner = state.entering(section: name.text, newLine: endsLine)
                        let body = try nested(inner) { (parser) throws(ParseError) in try parser.parseSection(inner, depth: depth + 1, references: &references) }
                        // A definition inside an inheriting section: collected by it.
                        nodes.append(.block(name.text, default: body, indentation: nil))
                    } else {
                        let indentation = whitespaceBefore
                        flushWhitespace()
                        if isStandalone(state) { endsLine = true }
                        let inner = state.entering(section: name.text, newLine: endsLine)
                        let body = try nested(inner) { (parser) throws(ParseError) in try parser.parseSection(inner, depth: depth + 1, references: &references) }
                        nodes.append(.block(name.text, default: body, indentation: String(indentation)))
                    }

                case "=":
                    position += 1
                    state = try readDelimiters(state, tagStart: tagStart)
                    endsLine = isStandalone(state)

                case "%":
                    position += 1
                    nodes.append(try readPragma(state, tagStart: tagStart))
                    endsLine = isStandalone(state)

                default:
                    flushWhitespace()
                    nodes.append(.variable(try readName(state), escaped: true))
                }
                state.newLine = endsLine
            }
            if let name = initial.sectionName {
                throw error("a section is never closed, expected {{/\(name)}}")
            }
            return Template(nodes: nodes)
        }

        /// `{{=<% %>=}}`: new opening and closing delimiters.
        mutating func readDelimiters(_ state: State, tagStart: Int) throws(ParseError) -> State {
            skip { $0.isWhitespace }
            let open = skip { !$0.isWhitespace }
            skip { $0.isWhitespace }
            let close = skip { $0 != "=" && !$0.isWhitespace }
            skip { $0.isWhitespace }
            guard !open.isEmpty, !close.isEmpty, read(["="]), read(state.close) else {
                throw error("a set-delimiter tag is malformed, expected one such as {{=<% %>=}}", at: tagStart)
            }
            var state = state
            state.open = open
            state.close = close
            state.isInheritingTopLevel = false
            return state
        }

        /// `{{% CONTENT_TYPE: HTML }}` or `TEXT`, as swift-mustache reads it.
        mutating func readPragma(_ state: State, tagStart: Int) throws(ParseError) -> Node {
            let letters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
            skip { $0.isWhitespace }
            let variable = String(skip { letters.contains($0) })
            skip { $0.isWhitespace }
            let colon = read([":"])
            skip { $0.isWhitespace }
            let value = String(skip { letters.contains($0) })
            skip { $0.isWhitespace }
            guard colon, read(state.close), variable == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else {
                throw error("a pragma is malformed or unknown, expected {{% CONTENT_TYPE: HTML }} or {{% CONTENT_TYPE: TEXT }}", at: tagStart)
            }
            return .contentType(escapes: value == "HTML")
        }
    }
}
