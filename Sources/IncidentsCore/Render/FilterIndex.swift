/// `filter-index.json`: the little the index page's filter script needs to find
/// incidents without a server, as compact as it can be read.
///
/// ```
/// {"severities": [[slug, label]…], "tags": [[slug, name]…],
///  "facets": [{"key", "label", "values": [[slug, name]…]}…],
///  "incidents": [[url, title, summary, severity, year, date_iso, date_text, [tag numbers], [facet value numbers]]…]}
/// ```
/// Tags and facet values are referred to by their position in the lists above.
enum FilterIndex {
    static let outputPath = "filter-index.json"

    static func json(site: Site) -> [UInt8] {
        let facets = site.facets.filter { $0.field.kind != .severity }
        let pairs = { (values: [Tag]) -> JSONValue in .array(values.map { .array([.string($0.slug), .string($0.name)]) }) }
        var incidents: [JSONValue] = []
        incidents.reserveCapacity(site.incidents.count)
        for position in site.incidents.indices {
            let incident = site.incidents[position]
            incidents.append(.array([
                .string(Addresses.incident(incident.slug).url),
                .string(incident.title),
                .optional(incident.summary),
                .string(incident.severity.rawValue),
                .int(incident.sortDate.year),
                .string(incident.sortDate.description),
                .string(incident.sortDate.displayText),
                .array(site.tagsOfIncident[position].map(JSONValue.int)),
                .array(facets.map { facet in facet.valueOfIncident[position].map(JSONValue.int) ?? .null }),
            ]))
        }
        let document = JSONValue.object([
            ("severities", .array(Severity.allCases.map { .array([.string($0.rawValue), .string($0.label)]) })),
            ("tags", pairs(site.tags)),
            ("facets", .array(facets.map { facet in
                JSONValue.object([("key", .string(facet.field.key)), ("label", .string(facet.field.label)), ("values", pairs(facet.values))])
            })),
            ("incidents", .array(incidents)),
        ])
        var bytes: [UInt8] = []
        document.write(to: &bytes, indent: 0, level: 0)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
