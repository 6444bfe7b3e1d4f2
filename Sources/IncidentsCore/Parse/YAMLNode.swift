/// A YAML value as front matter and `site.yml` use it: text, a list or a map, with
/// the file position where it starts. Built by `YAMLParser` from libyaml's events;
/// anchors and aliases never occur (they are refused while parsing).
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(Scalar)
        case sequence([YAMLNode])
        case mapping([Entry])
    }

    /// One value as written: its text, whether it was quoted (or a block scalar), and
    /// its explicit tag, which decide whether YAML reads it as text (see `ScalarKind`).
    struct Scalar: Sendable {
        var text: String
        /// Written in quotes or as a block scalar (`|`, `>`): always text.
        var isQuoted: Bool
        /// An explicit tag such as `!!str`, expanded (`tag:yaml.org,2002:str`).
        var tag: String?
    }

    struct Entry: Sendable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var content: Content
    /// Where the value starts, in the file (not the YAML text): lines and columns from 1.
    var location: SourceLocation

    var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }
}
