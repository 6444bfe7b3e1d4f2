
/// Turns one incident file into an `Incident`, or into every problem it has.
public enum IncidentParser {
    /// Parses the text of an incident file. `path` is site-relative and names the file
    /// in errors; the default slug is its file name without `.md`. The body is kept as
    /// its Markdown (`MarkdownBody.inline`); a build renders and stores it.
    public static func parse(_ text: String, path: String) -> Result<Incident, BuildFailure> {
        parseReportingWarnings(text, path: path).result
    }

    /// Tags one incident may carry: each tag's page lists the incident with all its
    /// tags, so a list of thousands would make the site grow with its square.
    public static let maximumTags = 100

    /// `parse`, plus what `incidents check` warns about: unknown keys (most often typos),
    /// a missing summary or sources, and sources without a URL.
    public static func parseReportingWarnings(_ text: String, path: String)
        -> (result: Result<Incident, BuildFailure>, warnings: [Diagnostic]) {
        let document: FrontMatterDocument
        var reader: FrontMatterReader
        do {
            document = try FrontMatterDocument.split(text, path: path)
            reader = try FrontMatterReader(document, path: path)
        } catch {
            return (.failure(error), [])
        }

        var incident = Incident(sourcePath: path, body: .inline(document.body))
        incident.bodyFirstLine = document.bodyFirstLine
        incident.sourcePrint = text.hashValue
        // Every field of the table, read by its kind; the few with rules of their own by key.
        var complete = true
        for field in IncidentField.all {
            switch (field.key, field.storage) {
            case ("title", _):
                if let title = reader.text("title", required: true, what: "the incident's title as text") { incident.title = title } else { complete = false }
            case ("severity", _):
                if let severity = reader.severity("severity") { incident.severity = severity } else { complete = false }
            case ("date_reported", _):
                if let date = reader.date("date_reported", required: true) { incident.dateReported = date } else { complete = false }
            case ("slug", _):
                let (slug, location) = readSlug(&reader, path: path)
                if let slug { incident.slug = slug } else { complete = false }
                incident.slugLocation = location
            case ("tags", _):
                incident.tags = reader.textList("tags", maximum: maximumTags) { name in
                    Slug.forTag(name).isEmpty ? "\(FrontMatterReader.quote(name)) has no letter or digit, expected a tag name that can become a URL" : nil
                }
            case ("sources", _):
                incident.sources = reader.mapList("sources", readItem: readSource)
            case (_, .text(_, let set)):
                set(&incident, reader.text(field.key))
            case (_, .date(_, let set)):
                set(&incident, reader.date(field.key))
            case (_, .yesNo(_, let set)):
                set(&incident, reader.bool(field.key))
            case (_, .special):
                assertionFailure("\(field.key) has no storage and no reader")
            }
        }
        for (key, location) in reader.remainingKeys {
            let hint = closestKey(to: key, in: IncidentField.keys).map { " (did you mean \($0)?)" } ?? ""
            reader.warn(at: location, key: key, "is not a known key\(hint); it is kept for templates as params.\(key)")
        }
        if incident.summary == nil {
            reader.warn(at: reader.startLocation, key: "summary", "missing; recommended: one plain sentence shown on the index and in search results")
        }
        if let (offset, scalar) = XMLText.firstUnrepresentable(in: text) {
            let (line, column) = SourceLocator(text).position(ofByte: offset)
            let code = String(scalar.value, radix: 16, uppercase: true)
            reader.warn(at: SourceLocation(file: path, line: line, column: column), key: "body",
                        "contains the character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which feeds cannot carry (they show \u{FFFD} in its place); remove it")
        }
        if incident.sources.isEmpty {
            reader.warn(at: reader.startLocation, key: "sources", "missing; recommended: at least one source readers can check")
        }
        incident.extraParams = reader.remainingParams()

        guard reader.diagnostics.isEmpty, complete else {
            return (.failure(BuildFailure(reader.diagnostics)), reader.warnings)
        }
        return (.success(incident), reader.warnings)
    }

    /// The `slug` key, or the file name without `.md`; either must be one plain path
    /// segment. The location is the key's value, or the file's start for a file name.
    static func readSlug(_ reader: inout FrontMatterReader, path: String) -> (slug: String?, location: SourceLocation) {
        if let node = reader.take("slug") {
            let location = reader.location(of: node)
            guard let slug = reader.text(node, key: "slug", required: true, what: "a URL segment such as my-incident") else { return (nil, location) }
            if let problem = Slug.problem(with: slug) {
                reader.report(node, key: "slug", "\(FrontMatterReader.quote(slug)) \(problem), expected a single URL segment such as my-incident")
                return (nil, location)
            }
            return (slug, location)
        }
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        let slug = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        if let problem = Slug.problem(with: slug) {
            reader.report(nil, key: "slug", "the file name \(FrontMatterReader.quote(slug)) \(problem), expected a file name usable as a URL segment (or a slug: key)")
            return (nil, reader.startLocation)
        }
        return (slug, reader.startLocation)
    }

    private static func readSource(_ reader: inout FrontMatterReader, _ fields: [String: YAMLNode], _ itemNode: YAMLNode, _ keyPath: String) -> Source? {
        func text(_ name: String, required: Bool = false) -> String? {
            guard let node = fields[name] else {
                if required { reader.report(itemNode, key: "\(keyPath).\(name)", "missing, expected the source's \(name)") }
                return nil
            }
            return reader.text(node, key: "\(keyPath).\(name)", required: required, what: "text")
        }
        let title = text("title", required: true)
        let publisher = text("publisher")
        let type = text("type")
        let date = fields["date"].flatMap { reader.date($0, key: "\(keyPath).date") }
        var url: String?
        if let urlNode = fields["url"], let raw = reader.text(urlNode, key: "\(keyPath).url", required: true, what: "an http(s) URL") {
            if let problem = SourceURL.problem(with: raw) {
                reader.report(urlNode, key: "\(keyPath).url", "\(FrontMatterReader.quote(raw)) \(problem)")
            } else {
                url = raw
            }
        }
        if fields["url"] == nil {
            reader.warn(at: reader.location(of: itemNode), key: "\(keyPath).url", "missing; recommended so readers can check the source")
        }
        guard let title else { return nil }
        return Source(title: title, publisher: publisher, date: date, type: type, url: url)
    }
}
