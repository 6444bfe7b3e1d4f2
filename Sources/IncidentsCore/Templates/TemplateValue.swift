/// A value a template can show, test or iterate: what `{{name}}` finds.
///
/// Page models are small structs that conform to `TemplateObject` and answer by name;
/// nothing is a `[String: Any]`, and nothing is found by reflection or casts.
public enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(any TemplateObject)
    /// Present but empty: a section is skipped, `{{name}}` shows nothing, and, unlike a
    /// missing name, the search for it stops here (it does not fall through to an
    /// outer value of the same name).
    case null

    /// `text`, or `.null` when it is nil.
    public static func optional(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .null
    }

    /// `object`, or `.null` when it is nil.
    public static func optional(_ object: (any TemplateObject)?) -> TemplateValue {
        object.map(TemplateValue.object) ?? .null
    }

    /// Whether a section on this value renders (and an inverted one does not): anything
    /// but `false`, `null` and an empty list. An empty text or 0 counts as present, as
    /// in swift-mustache, whose behaviour templates written for earlier versions expect.
    var isTruthy: Bool {
        switch self {
        case .bool(let flag): return flag
        case .null: return false
        case .list(let items): return !items.isEmpty
        case .text, .number, .object: return true
        }
    }
}

/// A page model, or a part of one, as templates see it.
public protocol TemplateObject: Sendable {
    /// The value called `name`; nil when there is none, so that the lookup goes on in
    /// the enclosing contexts (return `.null` to stop it there).
    func value(named name: String) -> TemplateValue?
}

/// A model made of named values, for the few places where the names are data
/// (front-matter `params`, which are the editor's own keys).
public struct TemplateRecord: TemplateObject {
    public var entries: [String: TemplateValue]

    public init(_ entries: [String: TemplateValue]) {
        self.entries = entries
    }

    public func value(named name: String) -> TemplateValue? {
        entries[name]
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
