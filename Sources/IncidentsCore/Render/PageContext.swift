/// Builds the values templates see. Every `url` is relative to the site root and is
/// written in templates as `{{root}}{{url}}`, so the site works under any sub-path;
/// `root` is the way back to the site root from the page being written (`./`, `../../`).
/// A source's `href` is the one link that is ready to use as it is (often external).
///
/// The shapes here are the public template API, documented in docs/templates.md.
struct PageContext {
    let site: Site
    /// Site-wide values shared by every page (site settings, navigation).
    let siteValues: [String: Any]
    let navigation: [[String: Any]]

    init(site: Site) {
        self.site = site
        var values: [String: Any] = ["title": site.config.title, "language": site.config.language]
        if let description = site.config.description { values["description"] = description }
        if let baseURL = site.config.baseURL { values["base_url"] = baseURL }
        values["has_feeds"] = site.config.baseURL != nil
        values["search"] = site.config.search
        self.navigation = site.pages.map { ["title": $0.title, "url": Self.pageURL($0.slug)] }
        values["browse"] = site.facets.map { ["label": $0.field.label, "url": Self.facetURL($0)] }
        values["has_browse"] = !site.facets.isEmpty
        self.siteValues = values
    }

    // MARK: URLs, relative to the site root

    static func incidentURL(_ slug: String) -> String { "incidents/\(Slug.urlEncoded(slug))/" }
    static func tagURL(_ slug: String) -> String { "tags/\(Slug.urlEncoded(slug))/" }
    static func pageURL(_ slug: String) -> String { "\(Slug.urlEncoded(slug))/" }
    static func facetURL(_ facet: Facet) -> String { "\(facet.field.folder)/" }
    static func facetValueURL(_ facet: Facet, _ value: Tag) -> String { "\(facet.field.folder)/\(Slug.urlEncoded(value.slug))/" }

    /// A facet's name and overview address.
    func facetLink(_ facet: Facet) -> [String: Any] {
        ["label": facet.field.label, "name": facet.field.rawValue, "url": Self.facetURL(facet)]
    }

    /// The page of incident `position`'s value of `field`, when the site has that facet.
    func facetValueURL(of field: Facet.Field, at position: Int) -> String? {
        guard let facet = site.facets.first(where: { $0.field == field }),
              let value = facet.valueOfIncident[position] else { return nil }
        return Self.facetValueURL(facet, facet.values[value])
    }

    /// A tag or facet value with its number of incidents: an entry of an overview,
    /// and the heading values of its own list page.
    static func countedLink(_ list: Tag, url: String) -> [String: Any] {
        ["name": list.name, "slug": list.slug, "url": url, "count": list.count,
         "count_noun": list.count == 1 ? "incident" : "incidents"]
    }

    /// The way from a file at `outputPath` back to the site root.
    static func root(forOutputPath outputPath: String) -> String {
        let depth = outputPath.split(separator: "/").count - 1
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    // MARK: Page values

    /// The values every page has: `site`, `root`, `nav`, and a `description` for the meta tag.
    func base(outputPath: String, description: String?) -> [String: Any] {
        var values: [String: Any] = [
            "site": siteValues,
            "root": Self.root(forOutputPath: outputPath),
            "nav": navigation,
        ]
        if let description = description ?? site.config.description { values["description"] = description }
        return values
    }

    /// The tags of the incident at `position`, under their display names.
    func tagLinks(_ position: Int) -> [[String: Any]] {
        site.tagsOfIncident[position].map { number in
            let tag = site.tags[number]
            return ["name": tag.name, "slug": tag.slug, "url": Self.tagURL(tag.slug)]
        }
    }

    static func severity(_ severity: Severity) -> [String: Any] {
        ["slug": severity.rawValue, "label": severity.label, "rank": severity.rank]
    }

    /// The incident at `position` as a list item: what index and tag pages show.
    func card(_ position: Int) -> [String: Any] {
        let incident = site.incidents[position]
        let tags = tagLinks(position)
        var card = link(position)
        card["slug"] = incident.slug
        card["tags"] = tags
        card["has_tags"] = !tags.isEmpty
        card["draft"] = incident.draft
        if let summary = incident.summary { card["summary"] = summary }
        return card
    }

    /// An incident with everything its own page shows; `bodyHTML` is the rendered Markdown.
    /// `root` resolves sources given as site paths (`files/report.pdf`) from this page.
    func detail(_ position: Int, bodyHTML: String, root: String) -> [String: Any] {
        let incident = site.incidents[position]
        var values = card(position)
        let fields = fields(of: position)
        values["fields"] = fields
        values["has_fields"] = !fields.isEmpty
        values["body"] = bodyHTML
        let sources = incident.sources.map { Self.source($0, root: root) }
        values["sources"] = sources
        values["has_sources"] = !sources.isEmpty
        values["date_reported"] = incident.dateReported.description
        if let occurred = incident.dateOccurred { values["date_occurred"] = occurred.description }
        values["params"] = incident.extraParams.mapValues(\.mustacheValue)
        values["severity_url"] = facetValueURL(of: .severity, at: position) ?? false

        let neighbours = IncidentNeighbours(site: site)
        values["newer"] = neighbours.newer(than: position).map(link) ?? false
        values["older"] = neighbours.older(than: position).map(link) ?? false
        let related = neighbours.related(to: position).map(link)
        values["related"] = related
        values["has_related"] = !related.isEmpty
        let absoluteURL = site.config.baseURL.map { $0 + Self.incidentURL(incident.slug) }
        values["canonical_url"] = absoluteURL ?? false
        let citation = Citation(incident: incident, siteTitle: site.config.title, url: absoluteURL)
        values["cite_text"] = citation.plainText
        values["cite_bibtex"] = citation.bibTeX
        let tagNames = site.tagNames(of: position)
        values["tag_names"] = tagNames
        values["json_ld"] = StructuredData.report(incident, tagNames: tagNames, siteTitle: site.config.title, url: absoluteURL)
        return values
    }

    /// Another incident as a link: title, address, date and severity.
    func link(_ position: Int) -> [String: Any] {
        let incident = site.incidents[position]
        return [
            "title": incident.title,
            "url": Self.incidentURL(incident.slug),
            "date_iso": incident.sortDate.description,
            "date_text": incident.sortDate.displayText,
            "severity": Self.severity(incident.severity),
        ]
    }

    /// The metadata rows, in the order readers of incident databases expect; absent ones are left out.
    func fields(of position: Int) -> [[String: Any]] {
        let incident = site.incidents[position]
        func yesNo(_ value: Bool?) -> String? { value.map { $0 ? "Yes" : "No" } }
        let rows: [(String, String, String?, PartialDate?)] = [
            ("category", "Category", incident.category, nil),
            ("industry", "Industry", incident.industry, nil),
            ("status", "Status", incident.status.map(Self.capitalizedFirst), nil),
            ("date_occurred", "Date Occurred", incident.dateOccurred?.displayText, incident.dateOccurred),
            ("date_reported", "Date Reported", incident.dateReported.displayText, incident.dateReported),
            ("jurisdiction", "Jurisdiction", incident.jurisdiction, nil),
            ("ai_provider", "AI Provider", incident.aiProvider, nil),
            ("application_type", "Application Type", incident.applicationType, nil),
            ("harm_type", "Harm Type", incident.harmType, nil),
            ("human_review", "Human Review in Place", yesNo(incident.humanReview), nil),
            ("litigation_filed", "Litigation Filed", yesNo(incident.litigationFiled), nil),
            ("litigation_status", "Litigation Status", incident.litigationStatus, nil),
            ("regulatory_body", "Regulatory Body", incident.regulatoryBody, nil),
        ]
        return rows.compactMap { key, label, value, date in
            guard let value else { return nil }
            // `false` rather than absent: a missing key makes Mustache search every
            // enclosing context, which showed in profiles of large sites.
            let row: [String: Any] = ["key": key, "label": label, "value": value, "datetime": date.map(\.description) ?? false,
                                      "url": Facet.Field(rawValue: key).flatMap { facetValueURL(of: $0, at: position) } ?? false]
            return row
        }
    }

    static func source(_ source: Source, root: String) -> [String: Any] {
        var values: [String: Any] = ["title": source.title, "href": false, "meta": false]
        let meta = [source.publisher, source.date?.displayText, source.type].compactMap { $0 }
        if !meta.isEmpty { values["meta"] = meta.joined(separator: " · ") }
        if let url = source.url {
            let isAbsolute = url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://")
            values["href"] = isAbsolute ? url : root + url.drop { $0 == "/" }
        }
        if let publisher = source.publisher { values["publisher"] = publisher }
        if let date = source.date { values["date"] = date.displayText; values["date_iso"] = date.description }
        if let type = source.type { values["type"] = type }
        return values
    }

    private static func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// "1 incident", "17 incidents".
    /// "1 incident", "17 incidents", "12,480 incidents".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(grouped(number)) \(noun)\(number == 1 ? "" : "s")"
    }

    /// A whole number with thousands separated by commas, the same on every machine
    /// (a locale-dependent format would make builds differ between machines).
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }
}
