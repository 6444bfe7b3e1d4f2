/// `severity`: `{slug, label, rank}`, the label in the page's language.
struct SeverityModel: TemplateObject {
    let severity: Severity
    let label: String

    init(_ severity: Severity, _ language: SiteLanguage) {
        self.severity = severity
        label = language.label(severity)
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "slug": return .text(severity.rawValue)
        case "label": return .text(label)
        case "rank": return .number(severity.rank)
        default: return nil
        }
    }
}

/// Another incident as a link (`newer`, `older`, `related`): title, address, date, severity.
struct LinkModel: TemplateObject {
    let title: String
    let url: String
    let date: PartialDate
    let severity: Severity
    let language: SiteLanguage

    init(_ incident: Incident, _ language: SiteLanguage) {
        title = incident.title
        url = Addresses.incident(incident.slug).url
        date = incident.sortDate
        severity = incident.severity
        self.language = language
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": return .text(title)
        case "url": return .text(url)
        case "date_iso": return .text(date.description)
        case "date_text": return .text(language.date(date))
        case "severity": return .object(SeverityModel(severity, language))
        default: return nil
        }
    }
}

/// A tag of an incident: `{name, slug, url}`.
struct TagLinkModel: TemplateObject {
    let name: String
    let slug: String

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": return .text(self.name)
        case "slug": return .text(slug)
        case "url": return .text(Addresses.tag(slug).url)
        default: return nil
        }
    }
}

/// An incident as an item of a list (docs/templates.md, "Incident cards"); with
/// `html`, the card already rendered for the list's page.
struct CardModel: TemplateObject {
    let link: LinkModel
    let slug: String
    let summary: String?
    let tags: TemplateValue
    let draft: Bool
    var html: String?

    init(site: Site, position: Int) {
        let incident = site.incidents[position]
        link = LinkModel(incident, site.language)
        slug = incident.slug
        summary = incident.summary
        tags = .list(site.tagsOfIncident[position].map { .object(TagLinkModel(name: site.tags[$0].name, slug: site.tags[$0].slug)) })
        draft = incident.draft
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "slug": return .text(slug)
        case "summary": return .optional(summary)
        case "tags": return tags
        case "has_tags": return .bool(tags.isTruthy)
        case "draft": return .bool(draft)
        case "html": return html.map(TemplateValue.text)
        default: return link.value(named: name)
        }
    }
}

/// One fact of an incident page: `{key, label, value, datetime, url}`.
struct FactModel: TemplateObject {
    let key: String
    let label: String
    let text: String
    let datetime: String?
    /// The fact's facet value page, when the field is a facet.
    let url: String?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "key": return .text(key)
        case "label": return .text(label)
        case "value": return .text(text)
        case "datetime": return .optional(datetime)
        case "url": return .optional(url)
        default: return nil
        }
    }
}

/// A source of an incident page (docs/templates.md, `sources`).
struct SourceModel: TemplateObject {
    let source: Source
    /// The link ready to use: the external address, or a site path with `root` in front.
    let href: String?
    let archiveHref: String?
    /// 1-based, in file order: the anchor `source-N`.
    let number: Int
    let language: SiteLanguage

    init(_ source: Source, number: Int, root: String, language: SiteLanguage) {
        self.source = source
        self.number = number
        self.language = language
        func link(_ url: String?) -> String? {
            guard let url else { return nil }
            let isAbsolute = url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://")
            return isAbsolute ? url : root + url.drop { $0 == "/" }
        }
        href = link(source.url)
        archiveHref = link(source.archiveURL)
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": return .text(source.title)
        case "href": return .optional(href)
        case "archive_href": return .optional(archiveHref)
        case "number": return .number(number)
        case "anchor": return .text("source-\(number)")
        case "authors": return source.authors.isEmpty ? .null : .text(source.authors.joined(separator: ", "))
        case "language": return .optional(source.language)
        case "meta":
            let authors = source.authors.isEmpty ? nil : source.authors.joined(separator: ", ")
            let meta = [authors, source.publisher, source.date.map(language.date), source.type].compactMap { $0 }
            return meta.isEmpty ? .null : .text(meta.joined(separator: " · "))
        case "publisher": return .optional(source.publisher)
        case "date": return .optional(source.date.map(language.date))
        case "date_iso": return .optional(source.date?.description)
        case "type": return .optional(source.type)
        default: return nil
        }
    }
}

/// `incident` on an incident page: everything a card has, and what the page shows.
struct IncidentModel: TemplateObject {
    let card: CardModel
    let incident: Incident
    let facts: TemplateValue
    let body: String
    let sources: TemplateValue
    let params: TemplateValue
    let severityURL: String?
    let newer: TemplateValue
    let older: TemplateValue
    let related: TemplateValue
    let canonicalURL: String?
    let citation: Citation
    let tagNames: [String]
    let jsonLD: String
    /// `{label, names: [{name, url}]}` for each role with entities.
    var entities: TemplateValue = .list([])
    let language: SiteLanguage

    /// Every name this model answers (its own, the card's, the link's). Inside
    /// `{{#incident}}` every other name (`t.…`, `root`, `site`) is asked here first on
    /// its way out to the page: one hash lookup turns it away instead of forty
    /// comparisons of strings.
    static let names: Set<String> = [
        "fields", "has_fields", "body", "sources", "has_sources", "date_reported", "date_occurred", "params", "severity_url",
        "newer", "older", "related", "has_related", "canonical_url", "cite_text", "cite_bibtex", "tag_names", "json_ld", "id",
        "timeline", "entities", "has_entities", "has_timeline", "modified_iso", "modified_text", "id_text", "machine_translated",
        "outdated", "slug", "summary", "tags", "has_tags", "draft", "html", "title", "url", "date_iso", "date_text", "severity",
    ]

    func value(named name: String) -> TemplateValue? {
        guard Self.names.contains(name) else { return nil }
        switch name {
        case "fields": return facts
        case "has_fields": return .bool(facts.isTruthy)
        case "body": return .text(body)
        case "sources": return sources
        case "has_sources": return .bool(sources.isTruthy)
        case "date_reported": return .text(incident.dateReported.description)
        case "date_occurred": return .optional(incident.dateOccurred?.description)
        case "params": return params
        case "severity_url": return .optional(severityURL)
        case "newer": return newer
        case "older": return older
        case "related": return related
        case "has_related": return .bool(related.isTruthy)
        case "canonical_url": return .optional(canonicalURL)
        case "cite_text": return .text(citation.plainText)
        case "cite_bibtex": return .text(citation.bibTeX)
        case "tag_names": return .list(tagNames.map(TemplateValue.text))
        case "json_ld": return .text(jsonLD)
        case "id": return incident.id.map(TemplateValue.number) ?? .null
        case "timeline": return .list(incident.timeline.map { .object(TimelineEntryModel(entry: $0, language: language)) })
        case "entities": return entities
        case "has_entities": return .bool(entities.isTruthy)
        case "has_timeline": return .bool(!incident.timeline.isEmpty)
        case "modified_iso": return .optional(incident.modified)
        case "modified_text": return .optional(incident.modified.flatMap(DateTime.init(parsing:)).map { language.date($0.date) })
        case "id_text": return incident.id.map { .text(language.text("incident_number", ("id", String($0)))) } ?? .null
        case "machine_translated": return .bool(incident.translation?.machineTranslated == true)
        case "outdated": return .bool(incident.translation?.isOutdated == true)
        default: return card.value(named: name)
        }
    }
}

extension ParamValue {
    /// The value as templates see it: every single value is text, lists and maps as such.
    var templateValue: TemplateValue {
        switch self {
        case .text(let text): return .text(text)
        case .list(let items): return .list(items.map(\.templateValue))
        case .map(let entries): return .object(TemplateRecord(entries.mapValues(\.templateValue)))
        }
    }
}

/// One entry of `incident.timeline`: `{datetime, when, html, text, status}`.
struct TimelineEntryModel: TemplateObject {
    let entry: TimelineEntry
    let language: SiteLanguage

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "datetime": return .text(entry.when.description)
        case "when": return .text(language.moment(entry.when))
        case "html": return .text(entry.html)
        case "text": return .text(entry.text)
        case "status": return .optional(entry.status)
        default: return nil
        }
    }
}
