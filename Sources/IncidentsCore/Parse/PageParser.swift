/// Turns a file of `content/pages/` into a `StandalonePage`; only `title` is required.
public enum PageParser {
    public static func parse(_ text: String, path: String) -> Result<StandalonePage, BuildFailure> {
        let document: FrontMatterDocument
        var reader: FrontMatterReader
        do {
            (document, reader) = try FrontMatterReader.open(text, path: path)
        } catch {
            return .failure(error)
        }
        let title = reader.text("title", required: true, what: "the page's title as text")
        let (slug, slugLocation) = IncidentParser.readSlug(&reader, path: path)
        let summary = reader.text("summary")
        let draft = reader.bool("draft") ?? false
        if let slug, Slug.reservedSegments.contains(slug.lowercased()) {
            reader.report(at: slugLocation, key: "slug", "\(FrontMatterReader.quote(slug)) is used by the generator, expected another name than \(Slug.reservedSegments.sorted().joined(separator: ", "))")
        }
        _ = reader.remainingParams()
        guard reader.diagnostics.isEmpty, let title, let slug else {
            return .failure(BuildFailure(reader.diagnostics))
        }
        return .success(StandalonePage(sourcePath: path, slug: slug, slugLocation: slugLocation, title: title, summary: summary,
                                       draft: draft, body: document.body))
    }
}
