/// The shape of one Mustache template, read before swift-mustache compiles it: how deep
/// its sections nest, and which templates it includes (`{{> name}}`) or inherits from
/// (`{{< name}}`), with their positions.
///
/// swift-mustache parses and renders recursively and has no limit of its own: thousands
/// of nested sections, a partial that includes itself, or two that include each other
/// overflow the stack and kill the process (and `serve` with it). `TemplateSet` refuses
/// such templates from this structure, at their file, line and column, before compiling.
struct TemplateStructure {
    /// Sections (`{{#x}}`, `{{^x}}`, `{{$x}}`, `{{<x}}`) may nest this deep; the theme needs 6.
    static let maximumNesting = 64
    /// Templates may include templates that include others this deep; the theme needs 4.
    static let maximumIncludeDepth = 16

    /// One `{{> name}}` or `{{< name}}`.
    struct Reference {
        var name: String
        var inherits: Bool
        var line: Int
        var column: Int
    }

    var references: [Reference] = []
    /// Where nesting first went past the limit, or where a partial's name is not fixed.
    var problem: (line: Int, column: Int, message: String)?

    /// Scans `text` with Mustache's tag syntax, including `{{=<% %>=}}` delimiter
    /// changes and `{{{triple}}}` tags. Malformed tags end the scan quietly: compiling
    /// reports them better.
    init(scanning text: String) {
        let scalars = Array(text.unicodeScalars)
        var open = Array("{{".unicodeScalars), close = Array("}}".unicodeScalars)
        var depth = 0
        var index = 0
        var line = 1, lineStart = 0

        func matches(_ pattern: [Unicode.Scalar], at position: Int) -> Bool {
            position + pattern.count <= scalars.count && scalars[position..<position + pattern.count].elementsEqual(pattern)
        }
        func advanceLines(to position: Int) {
            while index < position {
                if scalars[index] == "\n" { line += 1; lineStart = index + 1 }
                index += 1
            }
        }

        while index < scalars.count {
            guard matches(open, at: index) else {
                advanceLines(to: index + 1)
                continue
            }
            let tagLine = line, tagColumn = index - lineStart + 1
            var contentStart = index + open.count
            var closing = close
            // `{{{name}}}`: the closing brace belongs to the tag.
            if contentStart < scalars.count, scalars[contentStart] == "{" {
                closing = ["}"] + close
                contentStart += 1
            }
            var end = contentStart
            while end < scalars.count, !matches(closing, at: end) { end += 1 }
            guard end < scalars.count else { return }
            let content = String(String.UnicodeScalarView(scalars[contentStart..<end])).trimmingWhitespace()
            advanceLines(to: end + closing.count)

            guard let sigil = content.unicodeScalars.first, closing.count == close.count else { continue }
            let name = String(content.unicodeScalars.dropFirst()).trimmingWhitespace()
            if sigil == "#" || sigil == "^" || sigil == "$" || sigil == "<" {
                depth += 1
                if depth > Self.maximumNesting {
                    problem = (tagLine, tagColumn, "sections are nested more than \(Self.maximumNesting) deep, expected a shallower template")
                    return
                }
            }
            switch sigil {
            case ">", "<":
                if name.hasPrefix("*") {
                    problem = (tagLine, tagColumn, "partials with a dynamic name ({{\(sigil)*name}}) are not supported, expected a fixed name such as {{\(sigil) footer}}")
                    return
                }
                references.append(Reference(name: name, inherits: sigil == "<", line: tagLine, column: tagColumn))
            case "/":
                depth = max(0, depth - 1)
            case "=":
                // `{{=<% %>=}}`: the new delimiters, separated by spaces.
                let parts = content.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard content.hasSuffix("="), parts.count == 2 else { return }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
            default:
                continue
            }
        }
    }
}
