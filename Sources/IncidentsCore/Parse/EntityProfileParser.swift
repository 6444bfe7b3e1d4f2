/// Turns a file of `content/entities/` into an `EntityProfile`; only `title` is required.
enum EntityProfileParser {
    /// `slug` is the entity's, for a translation (`openai.fr.md`); else the file name.
    static func parse(_ text: String, path: String, slug: String? = nil) -> Result<EntityProfile, BuildFailure> {
        let document: FrontMatterDocument
        var reader: FrontMatterReader
        do {
            (document, reader) = try FrontMatterReader.open(text, path: path)
        } catch {
            return .failure(error)
        }
        let fileName = slug ?? String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "")
        let title = reader.text("title", required: true, what: "the entity's name as readers should see it")
        if Slug.forTag(fileName) != fileName {
            reader.report(at: reader.startLocation, key: "slug",
                          "the file name \(FrontMatterReader.quote(fileName)) is not an entity slug, expected \(Slug.forTag(fileName).isEmpty ? "a name with a letter or digit" : Slug.forTag(fileName) + ".md")")
        }
        var locations: [SourceLocation] = []
        if let node = reader.peek("also_known_as"), case .sequence(let items) = node.content {
            locations = items.map { reader.location(of: $0) }
        }
        let alsoKnownAs = reader.textList("also_known_as", maximum: 100) { name in
            Slug.forTag(name).isEmpty ? "\(FrontMatterReader.quote(name)) has no letter or digit, expected a spelling of the entity's name" : nil
        }
        var website: String?
        if let node = reader.peek("website"), let raw = reader.text("website", required: true, what: "an http(s) URL") {
            if let problem = SourceURL.problem(with: raw) { reader.report(node, key: "website", "\(FrontMatterReader.quote(raw)) \(problem)") } else { website = raw }
        }
        for (key, location) in reader.remainingKeys {
            reader.report(at: location, key: key, "is not a key of an entity file, expected title, also_known_as or website")
        }
        guard reader.diagnostics.isEmpty, let title else { return .failure(BuildFailure(reader.diagnostics)) }
        return .success(EntityProfile(sourcePath: path, slug: fileName, title: title, alsoKnownAs: alsoKnownAs,
                                      alsoKnownAsLocations: Array(locations.prefix(alsoKnownAs.count)), website: website, body: document.body))
    }
}
