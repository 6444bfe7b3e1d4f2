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

    /// Writes the file through `emit` a few hundred incidents at a time: built whole,
    /// its value tree and text took some 2 KB per incident at once (200 MB at 100,000).
    static func write(site: Site, emit: ([UInt8]) throws -> Void) throws {
        let facets = site.facets.filter { $0.field.kind != .severity }
        let pairs = { (values: [Tag]) -> JSONValue in .array(values.map { .array([.string($0.slug), .string($0.name)]) }) }
        let head = JSONValue.object([
            ("severities", .array(Severity.allCases.map { .array([.string($0.rawValue), .string(site.language.label($0))]) })),
            ("tags", pairs(site.tags)),
            ("facets", .array(facets.map { facet in
                JSONValue.object([("key", .string(facet.field.key)), ("label", .string(site.language.label(facet.field))), ("values", pairs(facet.values))])
            })),
            // The filter script's words, by the names it reads them under.
            ("strings", .object([("any", "filter_any"), ("search", "filter_search"), ("severity", "severity"), ("tag", "filter_tag"),
                                 ("year", "filter_year"), ("clear", "filter_clear"), ("severity_prefix", "severity_prefix")].map { name, key in
                (name, JSONValue.string(site.language.text(key)))
            } + [("matches", .object(PluralCategory.allCases.compactMap { category in
                site.language.strings.pluralForm("filter_matches", category).map { (category.rawValue, JSONValue.string($0)) }
            }))])),
            ("incidents", .array([])),
        ])
        // The document with an empty list of incidents, cut before the list's `]}`.
        var bytes: [UInt8] = []
        head.write(to: &bytes, indent: 0, level: 0)
        bytes.removeLast(3)
        bytes.append(UInt8(ascii: "["))
        for position in site.incidents.indices {
            let incident = site.incidents[position]
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONValue.array([
                .string(Addresses.incident(incident.slug).url),
                .string(incident.title),
                .optional(incident.summary),
                .string(incident.severity.rawValue),
                .int(incident.sortDate.year),
                .string(incident.sortDate.description),
                .string(site.language.date(incident.sortDate)),
                .array(site.tagsOfIncident[position].map(JSONValue.int)),
                .array(facets.map { facet in facet.valueOfIncident[position].map(JSONValue.int) ?? .null }),
            ]).write(to: &bytes, indent: 0, level: 0)
            if bytes.count >= 1 << 16 {
                try emit(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        bytes.append(contentsOf: "]}\n".utf8)
        try emit(bytes)
    }
}
