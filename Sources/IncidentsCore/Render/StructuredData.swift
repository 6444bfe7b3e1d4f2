/// schema.org JSON-LD for an incident page, so search engines and citation tools
/// read its title, dates, publisher and subjects without scraping.
enum StructuredData {
    /// A `Report` object; `url` is absolute when `base_url` is set, else nil.
    static func report(_ incident: Incident, tagNames: [String], siteTitle: String, url: String?) -> String {
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Report")),
            ("headline", .string(incident.title)),
        ]
        if let id = incident.id { members.append(("identifier", .string("Incident \(id)"))) }
        if let summary = incident.summary { members.append(("description", .string(summary))) }
        members.append(("datePublished", .string(incident.dateReported.description)))
        if let occurred = incident.dateOccurred { members.append(("temporalCoverage", .string(occurred.description))) }
        if let url { members.append(("url", .string(url))) }
        if !tagNames.isEmpty { members.append(("keywords", .array(tagNames.map(JSONValue.string)))) }
        if let category = incident.category { members.append(("genre", .string(category))) }
        members.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(siteTitle))])))
        let citations = incident.sources.compactMap { source -> JSONValue? in
            guard let address = source.url, address.hasPrefix("http") else { return nil }
            return .object([("@type", .string("CreativeWork")), ("name", .string(source.title)), ("url", .string(address))])
        }
        if !citations.isEmpty { members.append(("citation", .array(citations))) }
        // JSONValue escapes <, > and &, so the text cannot end the <script> element.
        return JSONValue.object(members).text()
    }
}
