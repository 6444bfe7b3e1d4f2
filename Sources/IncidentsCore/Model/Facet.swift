/// A front-matter field readers browse by, like tags but with one value per
/// incident: severity, category, industry, status, jurisdiction, …
///
/// Each facet has an overview page (`category/`) and a page per value
/// (`category/privacy/`), slugged and merged like tags. `facets:` in `site.yml`
/// chooses which fields are facets.
public struct Facet: Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case severity, status, category, industry, jurisdiction
        case aiProvider = "ai_provider", applicationType = "application_type", harmType = "harm_type"
        case litigationStatus = "litigation_status", regulatoryBody = "regulatory_body"

        /// The facets of a site that does not choose.
        public static let defaults: [Field] = [.severity, .category, .industry, .status, .jurisdiction]

        /// How pages name the field.
        public var label: String {
            switch self {
            case .severity: return "Severity"
            case .status: return "Status"
            case .category: return "Category"
            case .industry: return "Industry"
            case .jurisdiction: return "Jurisdiction"
            case .aiProvider: return "AI provider"
            case .applicationType: return "Application type"
            case .harmType: return "Harm type"
            case .litigationStatus: return "Litigation status"
            case .regulatoryBody: return "Regulatory body"
            }
        }

        /// The folder of its pages: `ai-provider/`.
        public var folder: String { rawValue.replacingOccurrences(of: "_", with: "-") }

        /// The value of this field of `incidents[position]`, as shown. Reads the one
        /// field in place: passing an Incident around would retain all its fields.
        func value(in incidents: [Incident], at position: Int) -> String? {
            switch self {
            case .severity: return incidents[position].severity.label
            case .status: return incidents[position].status
            case .category: return incidents[position].category
            case .industry: return incidents[position].industry
            case .jurisdiction: return incidents[position].jurisdiction
            case .aiProvider: return incidents[position].aiProvider
            case .applicationType: return incidents[position].applicationType
            case .harmType: return incidents[position].harmType
            case .litigationStatus: return incidents[position].litigationStatus
            case .regulatoryBody: return incidents[position].regulatoryBody
            }
        }
    }

    public var field: Field
    /// The values in use, each with its incidents (newest first): by name, or by rank for severity.
    public var values: [Tag]
    /// For each incident, the position of its value in `values`, if it has one.
    public var valueOfIncident: [Int?]

    /// Groups `incidents` (in listing order) by their value of `field`.
    init(field: Field, incidents: [Incident]) {
        self.field = field
        // Few distinct values: remember each one's slug rather than slugging 10,000 times.
        var slugs: [String: String] = [:]
        var (groups, numbers) = Tag.group(count: incidents.count) { position -> ([String], [String]) in
            guard let value = field.value(in: incidents, at: position) else { return ([], []) }
            if field == .severity { return ([value], [incidents[position].severity.rawValue]) }
            if let slug = slugs[value] { return ([value], [slug]) }
            let slug = Slug.forTag(value)
            slugs[value] = slug
            return ([value], [slug])
        }
        if field == .severity {
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
