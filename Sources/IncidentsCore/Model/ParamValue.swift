/// A front-matter value that the contract does not define, kept for templates
/// (like Hugo's `.Params`): text, a list or a map.
public indirect enum ParamValue: Sendable, Hashable {
    case text(String)
    case list([ParamValue])
    case map([String: ParamValue])

    /// The value in the shape swift-mustache reads: String, Array or Dictionary.
    var mustacheValue: Any {
        switch self {
        case .text(let text): return text
        case .list(let items): return items.map(\.mustacheValue)
        case .map(let entries): return entries.mapValues(\.mustacheValue)
        }
    }
}
