
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
    /// `vocabularies` are the site's controlled vocabularies: a tag or facet value
    /// outside its field's is an error at the value.
    ///
    /// With `source`, the file is a translation of it (`x.fr.md` of `x.md`): every key
    /// it leaves out is the source's, and a value it gives for a fact that does not
    /// depend on the language (`Translation.sharedFields`) must be the source's.
    public static func parseReportingWarnings(_ text: String, path: String, vocabularies: Vocabularies = [:], translating source: Incident? = nil)
        -> (result: Result<Incident, BuildFailure>, warnings: [Diagnostic]) {
        let document: FrontMatterDocument
        var reader: FrontMatterReader
        do {
            (document, reader) = try FrontMatterReader.open(text, path: path)
        } catch {
            return (.failure(error), [])
        }

        var incident = Incident(sourcePath: path, body: .inline(document.body))
        if let source {
            incident = source
            incident.sourcePath = path
            incident.body = .inline(document.body)
            incident.modified = nil
            var translation = Translation(sourcePath: source.sourcePath)
            if let machine = reader.bool("machine_translated") { translation.machineTranslated = machine }
            if let node = reader.peek("translated_from"), let value = reader.text("translated_from", what: "the source's fingerprint, as check prints it") {
                translation.translatedFrom = value
                translation.translatedFromLocation = reader.location(of: node)
            }
            incident.translation = translation
        }
        incident.bodyFirstLine = document.bodyFirstLine
        // The path too: the slug (and so every address) may come from the file name.
        incident.sourcePrint = [text.hashValue, path.hashValue, source?.sourcePrint ?? 0].hashValue
        // Every field of the table, read by its kind; the few with rules of their own by key.
        var complete = true
        // A tombstone needs only its title and why it is one.
        let isTombstone = reader.has("duplicate_of") || reader.has("withdrawn")
        if reader.has("duplicate_of") && reader.has("withdrawn"), let node = reader.take("withdrawn") {
            reader.report(node, key: "withdrawn", "is given with duplicate_of, expected one of the two: a duplicate points to the incident it repeats, a withdrawn incident gives a reason")
            complete = false
        }
        for field in IncidentField.all {
            // A translation takes every key it does not give from its source.
            if source != nil && !reader.has(field.key) { continue }
            let shared = source != nil && Translation.sharedFields.contains(field.key)
            let (sourceValue, sharedNode) = shared ? (sharedText(field, of: incident), reader.peek(field.key)) : (nil, nil)
            defer {
                if shared, let source, let sharedNode, sharedText(field, of: incident) != sourceValue {
                    reader.report(sharedNode, key: field.key, "\(FrontMatterReader.describe(sharedNode)) differs from its source \(source.sourcePath) (\(sourceValue ?? "none")), expected the same value or no \(field.key) key: a translation takes it from its source")
                    complete = false
                }
            }
            switch (field.key, field.storage) {
            case ("title", _):
                if let title = reader.text("title", required: true, what: "the incident's title as text") { incident.title = title } else { complete = false }
            case ("severity", _) where isTombstone && !reader.has("severity"):
                incident.hasSeverity = false
            case ("severity", _):
                if let severity = reader.severity("severity") { incident.severity = severity } else { complete = false }
            case ("date_reported", _) where isTombstone && !reader.has("date_reported"):
                incident.hasDateReported = false
            case ("date_reported", _):
                if let date = reader.date("date_reported", required: true) { incident.dateReported = date } else { complete = false }
            case ("id", _):
                if reader.has("id") {
                    if let (id, node) = reader.wholeNumber("id", minimum: 1, what: "a whole number from 1, such as 42") {
                        incident.id = id
                        incident.idLocation = reader.location(of: node)
                    } else {
                        complete = false
                    }
                }
            case ("started", _):
                incident.started = reader.dateTime("started")?.value
            case ("resolved", _):
                if let (resolved, node) = reader.dateTime("resolved") {
                    if let started = incident.started, resolved < started {
                        reader.report(node, key: "resolved", "\(resolved) is before started (\(started)), expected the moment it ended")
                        complete = false
                    } else {
                        incident.resolved = resolved
                    }
                }
            case ("deployers", _), ("developers", _), ("harmed_parties", _):
                let names = reader.textList(field.key, maximum: maximumTags) { name in
                    Slug.forTag(name).isEmpty ? "\(FrontMatterReader.quote(name)) has no letter or digit, expected a name that can become a URL" : nil
                }
                switch field.key {
                case "deployers": incident.deployers = names
                case "developers": incident.developers = names
                default: incident.harmedParties = names
                }
            case ("timeline", _):
                incident.timeline = readTimeline(&reader)
            case ("aliases", _):
                incident.aliases = readAliases(&reader)
            case ("duplicate_of", _):
                if let node = reader.take("duplicate_of") {
                    // A slug (text), or an id (a whole number from 1).
                    let kind = node.scalar.map(ScalarKind.init)
                    let text = node.scalar?.text.trimmingWhitespace() ?? ""
                    if kind == .text ? !text.isEmpty : kind == .number && (Int(text) ?? 0) >= 1 {
                        incident.duplicateOf = text
                        incident.duplicateOfLocation = reader.location(of: node)
                    } else {
                        reader.report(node, key: "duplicate_of", "found \(FrontMatterReader.describe(node)), expected the slug or id of the incident this one duplicates")
                        complete = false
                    }
                }
            case ("slug", _):
                let (slug, location) = readSlug(&reader, path: path)
                if let slug { incident.slug = slug } else { complete = false }
                incident.slugLocation = location
            case ("tags", _):
                let vocabulary = vocabularies["tags"]
                incident.tags = reader.textList("tags", maximum: maximumTags) { name in
                    Slug.forTag(name).isEmpty ? "\(FrontMatterReader.quote(name)) has no letter or digit, expected a tag name that can become a URL"
                        : vocabulary?.problem(with: name)
                }
            case ("sources", _):
                incident.sources = reader.mapList("sources", readItem: readSource)
            case (_, .text(_, let set)):
                let node = reader.peek(field.key)
                let value = reader.text(field.key)
                if let value, let node, let problem = vocabularies[field.key]?.problem(with: value) {
                    reader.report(node, key: field.key, problem)
                    complete = false
                }
                set(&incident, value)
            case (_, .date(_, let set)):
                set(&incident, reader.date(field.key))
            case (_, .dateTime(_, let set)):
                set(&incident, reader.dateTime(field.key)?.value)
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
        if incident.summary == nil && !incident.isTombstone {
            reader.warn(at: reader.startLocation, key: "summary", "missing; recommended: one plain sentence shown on the index and in search results")
        }
        if let (offset, scalar) = XMLText.firstUnrepresentable(in: text) {
            let (line, column) = SourceLocator(text).position(ofByte: offset)
            let code = String(scalar.value, radix: 16, uppercase: true)
            reader.warn(at: SourceLocation(file: path, line: line, column: column), key: "body",
                        "contains the character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which feeds cannot carry (they show \u{FFFD} in its place); remove it")
        }
        if incident.sources.isEmpty && !incident.isTombstone {
            reader.warn(at: reader.startLocation, key: "sources", "missing; recommended: at least one source readers can check")
        }
        incident.extraParams = (source?.extraParams ?? [:]).merging(reader.remainingParams()) { $1 }
        if let source, source.isTombstone != incident.isTombstone {
            reader.report(at: reader.startLocation, key: source.isTombstone ? "duplicate_of" : "withdrawn",
                          "\(source.isTombstone ? "the source \(source.sourcePath) is a tombstone, this translation is not" : "is a tombstone, its source \(source.sourcePath) is not"); expected a translation to be published or withdrawn with its source")
            complete = false
        }

        guard reader.diagnostics.isEmpty, complete else {
            return (.failure(BuildFailure(reader.diagnostics)), reader.warnings)
        }
        return (.success(incident), reader.warnings)
    }

    /// A shared fact's value as text, to compare a translation with its source.
    private static func sharedText(_ field: IncidentField, of incident: Incident) -> String? {
        field.key == "date_reported" ? (incident.hasDateReported ? incident.dateReported.description : nil) : field.text(of: incident)
    }

    /// The `aliases` key: old addresses inside the site, each a folder
    /// (`incidents/old-name/`) or an `.html` file, turned into output paths.
    static func readAliases(_ reader: inout FrontMatterReader) -> [Incident.Alias] {
        guard let node = reader.take("aliases") else { return [] }
        guard case .sequence(let items) = node.content else {
            reader.report(node, key: "aliases", "found \(FrontMatterReader.describe(node)), expected a list of old addresses such as [incidents/old-name/]")
            return []
        }
        var aliases: [Incident.Alias] = []
        for (index, item) in items.enumerated() {
            let key = "aliases[\(index)]"
            guard let scalar = item.scalar, ScalarKind(scalar) == .text || ScalarKind(scalar) == .number else {
                reader.report(item, key: key, "found \(FrontMatterReader.describe(item)), expected an old address such as incidents/old-name/")
                continue
            }
            let raw = scalar.text.trimmingWhitespace()
            switch aliasOutputPath(raw) {
            case .success(let path):
                let alias = Incident.Alias(outputPath: path, location: reader.location(of: item))
                if !aliases.contains(where: { $0.outputPath == path }) { aliases.append(alias) }
            case .failure(let problem):
                reader.report(item, key: key, "\(FrontMatterReader.quote(raw)) \(problem.text)")
            }
        }
        return aliases
    }

    /// The `timeline` key: entries of `date`, `text` and `status`, put oldest first
    /// (entries at the same moment keep their order).
    static func readTimeline(_ reader: inout FrontMatterReader) -> [TimelineEntry] {
        if let node = reader.peek("timeline"), case .sequence(let items) = node.content, items.count > maximumTimelineEntries {
            reader.report(node, key: "timeline", "has \(items.count) entries, expected at most \(maximumTimelineEntries)")
            _ = reader.take("timeline")
            return []
        }
        let entries = reader.mapList("timeline") { reader, fields, itemNode, keyPath -> TimelineEntry? in
            var when: Moment?
            if let node = fields["date"] {
                if let text = node.scalar?.text.trimmingWhitespace(), let moment = Moment(parsing: text) {
                    when = moment
                } else {
                    reader.report(node, key: "\(keyPath).date", "found \(FrontMatterReader.describe(node)), expected a date (YYYY, YYYY-MM, YYYY-MM-DD) or an RFC 3339 date-time such as 2024-02-14T09:30:00Z")
                }
            } else {
                reader.report(itemNode, key: "\(keyPath).date", "missing, expected when it happened")
            }
            let text = fields["text"].flatMap { reader.text($0, key: "\(keyPath).text", required: true, what: "what happened, as one line of Markdown") }
            if fields["text"] == nil { reader.report(itemNode, key: "\(keyPath).text", "missing, expected what happened, as one line of Markdown") }
            let status = fields["status"].flatMap { reader.text($0, key: "\(keyPath).status", required: false, what: "a status such as investigating") }
            guard let when, let text else { return nil }
            return TimelineEntry(when: when, text: text, status: status)
        }
        // Oldest first; entries whose times overlap (a month and a day in it) keep the
        // order they were written in. Insertion keeps it stable; timelines are short.
        var ordered: [TimelineEntry] = []
        for entry in entries {
            var place = ordered.count
            while place > 0 && entry.when.isBefore(ordered[place - 1].when) { place -= 1 }
            ordered.insert(entry, at: place)
        }
        return ordered
    }

    /// Entries one timeline may have (they are ordered by insertion).
    public static let maximumTimelineEntries = 1000

    struct AliasProblem: Error { let text: String }

    /// A BCP 47 language tag's shape (`en`, `pt-BR`, `zh-Hant`): pages write it as `lang`.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Where the redirect page of the old address `raw` goes: `incidents/old/` →
    /// `incidents/old/index.html`, `old.html` stays a file. A leading `/` means the
    /// site's root, as Hugo's and Zola's aliases write it.
    static func aliasOutputPath(_ raw: String) -> Result<String, AliasProblem> {
        let expected = "expected an address inside the site such as incidents/old-name/"
        var path = Substring(raw)
        if path.hasPrefix("//") || path.contains("://") || path.split(separator: "/").first?.contains(":") == true {
            return .failure(AliasProblem(text: "leads outside the site, \(expected)"))
        }
        if path.contains("?") || path.contains("#") {
            return .failure(AliasProblem(text: "has a query or fragment, \(expected)"))
        }
        if path.hasPrefix("/") { path = path.dropFirst() }
        let isFolder = path.hasSuffix("/") || path.isEmpty
        if isFolder { path = path.dropLast(path.isEmpty ? 0 : 1) }
        guard !path.isEmpty else { return .failure(AliasProblem(text: "is the site's front page, \(expected)")) }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment == ".." { return .failure(AliasProblem(text: "leads outside the site, \(expected)")) }
            if let problem = Slug.problem(with: String(segment)) {
                return .failure(AliasProblem(text: "has a part that \(problem), \(expected)"))
            }
        }
        let last = path.split(separator: "/").last ?? ""
        let isFile = !isFolder && (last.lowercased().hasSuffix(".html") || last.lowercased().hasSuffix(".htm"))
        return .success(isFile ? String(path) : String(path) + "/index.html")
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
        var language = text("language")
        if let tag = language, !isLanguageTag(tag), let node = fields["language"] {
            reader.report(node, key: "\(keyPath).language", "\(FrontMatterReader.quote(tag)) is not a language tag, expected one such as en, nl or pt-BR")
            language = nil
        }
        let date = fields["date"].flatMap { reader.date($0, key: "\(keyPath).date") }
        func address(_ name: String) -> String? {
            guard let node = fields[name], let raw = reader.text(node, key: "\(keyPath).\(name)", required: true, what: "an http(s) URL") else { return nil }
            if let problem = SourceURL.problem(with: raw) {
                reader.report(node, key: "\(keyPath).\(name)", "\(FrontMatterReader.quote(raw)) \(problem)")
                return nil
            }
            return raw
        }
        let url = address("url"), archiveURL = address("archive_url")
        var authors: [String] = []
        if let node = fields["authors"] {
            if case .sequence(let items) = node.content {
                for (index, item) in items.enumerated() {
                    if let name = reader.text(item, key: "\(keyPath).authors[\(index)]", required: true, what: "a name") { authors.append(name) }
                }
            } else if let name = reader.text(node, key: "\(keyPath).authors", required: true, what: "a list of names such as [Jane Doe, Ann Lee]") {
                authors = [name]
            }
        }
        if fields["url"] == nil && fields["archive_url"] == nil {
            reader.warn(at: reader.location(of: itemNode), key: "\(keyPath).url",
                        "missing, and no archive_url either; recommended so readers can check the source")
        }
        guard let title else { return nil }
        return Source(title: title, publisher: publisher, date: date, type: type, url: url, archiveURL: archiveURL,
                      authors: authors, language: language)
    }
}
