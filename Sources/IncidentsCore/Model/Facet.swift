/// A front-matter field readers browse by, like tags but with one value per
/// incident: severity, category, industry, status, jurisdiction, …
///
/// Each facet has an overview page (`category/`) and a page per value
/// (`category/privacy/`), slugged and merged like tags. `facets:` in `site.yml`
/// chooses which fields are facets, among those `IncidentField.browsable` names.
public struct Facet: Sendable {
    public var field: IncidentField
    /// The values in use, each with its incidents (newest first): by name, or by rank for severity.
    public var values: [Tag]
    /// For each incident, the position of its value in `values`, if it has one.
    public var valueOfIncident: [Int?]

    /// Groups `incidents` (in listing order) by their value of `field`.
    init(field: IncidentField, incidents: [Incident]) {
        self.field = field
        let isSeverity = field.kind == .severity
        // Few distinct values: remember each one's slug rather than slugging 10,000 times.
        var slugs: [String: String] = [:]
        // Each incident's value read in one pass over the array, before grouping.
        let texts = incidents.map { field.text(of: $0) }
        let severities = isSeverity ? incidents.map(\.severity.rawValue) : []
        var (groups, numbers) = Tag.group(count: incidents.count) { position -> ([String], [String]) in
            guard let value = texts[position] else { return ([], []) }
            if isSeverity { return ([value], [severities[position]]) }
            if let slug = slugs[value] { return ([value], [slug]) }
            let slug = Slug.forTag(value)
            slugs[value] = slug
            return ([value], [slug])
        }
        if isSeverity {
            // Critical first, as readers triage.
            let rank = groups.map { Severity(rawValue: $0.slug)?.rank ?? 0 }
            let order = groups.indices.sorted { rank[$0] < rank[$1] }
            var newPosition = Array(repeating: 0, count: groups.count)
            for (position, old) in order.enumerated() { newPosition[old] = position }
            groups = order.map { groups[$0] }
            numbers = numbers.map { $0.map { newPosition[$0] } }
        }
        self.values = groups
        self.valueOfIncident = numbers.map(\.first)
    }
}
