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
        var grouper = TagGrouper()
        var groupOfIncident = [Int?](repeating: nil, count: incidents.count)
        // Read in place: `incidents[position]` handed to the field's getter copied the
        // whole incident (and retained each of its strings) on every read.
        let texts = incidents.withUnsafeBufferPointer { buffer in buffer.indices.map { field.text(of: buffer[$0]) } }
        for position in incidents.indices {
            guard let value = texts[position] else { continue }
            groupOfIncident[position] = grouper.add(value, at: position) { value in
                // Severity's pages are named by the level (`severity/high/`), whatever the label.
                isSeverity ? incidents[position].severity.rawValue : Slug.forTag(value)
            }
        }
        var (groups, sortedPosition) = grouper.tags()
        if isSeverity {
            // Critical first, as readers triage.
            let rank = groups.map { Severity(rawValue: $0.slug)?.rank ?? 0 }
            let order = groups.indices.sorted { rank[$0] < rank[$1] }
            var newPosition = Array(repeating: 0, count: groups.count)
            for (position, old) in order.enumerated() { newPosition[old] = position }
            groups = order.map { groups[$0] }
            sortedPosition = sortedPosition.map { newPosition[$0] }
        }
        values = groups
        valueOfIncident = groupOfIncident.map { $0.map { sortedPosition[$0] } }
    }
}
