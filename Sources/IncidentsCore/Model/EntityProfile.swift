/// `content/entities/<entity-slug>.md`: what the site says about one entity: its
/// name as it should be shown, other spellings merged into it, its website, and a
/// Markdown body describing it on its page.
public struct EntityProfile: Sendable, Equatable {
    public var sourcePath: String
    /// The file name without `.md`: the entity's slug.
    public var slug: String
    public var title: String
    /// Spellings incidents may use, each merged into this entity (by slug).
    public var alsoKnownAs: [String]
    public var alsoKnownAsLocations: [SourceLocation]
    public var website: String?
    public var body: String
}
