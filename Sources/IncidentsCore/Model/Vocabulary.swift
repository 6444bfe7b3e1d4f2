/// The values one field may take (`vocabularies/<field>.yml`), each with its
/// definition: a controlled vocabulary, so that a misspelt category is an error
/// rather than a new facet value. Values are compared by slug, as tags merge.
public struct Vocabulary: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var value: String
        public var description: String?
        public var location: SourceLocation
        /// The value's name and definition in other languages, by language code
        /// (`translations: {fr: {label: Vie privée, description: …}}`): pages in that
        /// language show them; incidents still write `value`.
        public var labels: [String: String] = [:]
        public var descriptions: [String: String] = [:]
    }

    /// The field it is for: `tags`, or a field readers can browse by.
    public var field: String
    /// The file, for messages: `vocabularies/category.yml`.
    public var path: String
    public var entries: [Entry]
    private var bySlug: [String: Int]

    init(field: String, path: String, entries: [Entry]) {
        self.field = field
        self.path = path
        self.entries = entries
        var bySlug: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where bySlug[Slug.forTag(entry.value)] == nil { bySlug[Slug.forTag(entry.value)] = index }
        self.bySlug = bySlug
    }

    /// The entry `value` is, by slug.
    public func entry(for value: String) -> Entry? {
        bySlug[Slug.forTag(value)].map { entries[$0] }
    }

    /// Why `value` may not be used, or nil: "is not in vocabularies/category.yml
    /// (did you mean Privacy?)".
    func problem(with value: String) -> String? {
        guard entry(for: value) == nil else { return nil }
        let hint = closestKey(to: Slug.forTag(value), in: Array(bySlug.keys)).flatMap { bySlug[$0] }.map { " (did you mean \(entries[$0].value)?)" }
        let listed = entries.count <= 12 ? ", expected one of " + entries.map(\.value).joined(separator: ", ") : ", expected a value it lists"
        return "\(FrontMatterReader.quote(value)) is not in the vocabulary \(path)\(hint ?? "")\(listed)"
    }
}

/// Every vocabulary of a site, by field.
public typealias Vocabularies = [String: Vocabulary]
