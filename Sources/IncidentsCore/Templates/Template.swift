/// One compiled Mustache template: the text of a theme file, parsed once into nodes
/// that render straight into bytes.
///
/// The dialect is the one swift-mustache implements, which the project's templates
/// and docs/templates.md were written for: the Mustache spec with partials,
/// inheritance (`{{<parent}}`, `{{$block}}`), set delimiters, and swift-mustache's
/// transforms (`{{#first()}}`, `{{index()}}`, `{{count(tags)}}`, `{{uppercased(x)}}`…),
/// with the same whitespace rules. A test renders the built-in theme and a set of
/// templates through swift-mustache and through this engine and compares every byte.
///
/// Why not swift-mustache itself: it looks every name up through dynamic casts on
/// `Any` (five per variable) and renders through `String` concatenation, about 2 µs a
/// variable; an incident page has some 150, which made template rendering half of a
/// large build. Typed models read through its lookup protocol saved only a fifth.
public struct Template: Sendable {
    /// What a name in a tag refers to.
    struct Name: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            /// `{{.}}`: the current value.
            case current
            /// `{{first()}}` and the like: the position in the list being iterated.
            case sequence
            /// `{{a.b}}`; with `localOnly` (`{{.a}}`) only the current value is searched.
            case path([String], localOnly: Bool)
        }

        var kind: Kind
        /// Transforms, outermost first: `uppercased(x)` → `["uppercased"]`.
        var transforms: [String]
        /// As written, for matching a section's closing tag.
        var text: String
    }

    enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, Template, inverted: Bool)
        /// `{{> name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides.
        case partial(String, indentation: String?, overrides: [String: Template]?)
        /// `{{$name}}default{{/name}}` outside an inheriting section.
        case block(String, default: Template, indentation: String?)
        /// `{{% CONTENT_TYPE: HTML }}` (escape) or `TEXT` (do not).
        case contentType(escapes: Bool)
    }

    var nodes: [Node]

    /// Where a template includes (`{{> name}}`) or inherits from (`{{<name}}`) another.
    struct Reference: Sendable {
        var name: String
        var inherits: Bool
        /// The byte offset of the tag in the template's text.
        var offset: Int
    }

    /// Every include and inheritance, anywhere in the template, in order.
    var references: [Reference] = []
}
