/// The one description of an incident's front-matter fields: their keys, kinds,
/// labels, whether they are required, whether readers can browse by them, how the
/// JSON Schema, `incidents new` and docs/format.md describe them.
///
/// Everything that lists fields reads this table: the parser, the facts on the page,
/// facet pages, the data downloads (`incidents.json`, `incidents.csv`), Pagefind's
/// filters, the schema, `new`'s template and the key table in docs/format.md (a test
/// compares them). Adding a text field is one entry here and a stored property on
/// `Incident`.
public struct IncidentField: Sendable {
    /// What kind of value the key holds, which decides how it is read and written.
    public enum Kind: Sendable, Equatable {
        /// One line of text; `title` too.
        case text
        case severity
        /// A partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
        case date
        /// yes, no, true or false.
        case yesNo
        case tags
        case sources
        case slug
        /// A list of organisation names in one role: `deployers`, `developers`, `harmed_parties`.
        case entities
        /// An RFC 3339 date-time: `started`, `resolved`.
        case dateTime
        /// A list of `{date, text, status}`: `timeline`.
        case timeline
        /// A whole number of at least 1: `id`.
        case number
        /// A list of old site paths: `aliases`.
        case paths
        /// Another incident, by slug or id: `duplicate_of`.
        case reference
    }

    /// Whether readers can browse incidents by this field (its values get pages).
    public enum Browsing: Sendable, Equatable {
        case no
        /// When `site.yml`'s `facets:` names it.
        case optional
        /// Also when `site.yml` does not choose.
        case byDefault
    }

    /// The front-matter key, also its name in `incidents.json` and `incidents.csv`.
    public let key: String
    /// How pages name it: "AI provider".
    public let label: String
    public let kind: Kind
    public let required: Bool
    public let browsing: Browsing
    /// Shown in the facts list of the incident page (the others have places of their own).
    public let isFact: Bool
    /// For the JSON Schema and docs/format.md: what the value is.
    public let summary: String
    /// Typical values, for the schema's `examples`.
    public let examples: [String]
    /// The line `incidents new` writes for it (commented out when optional), or nil
    /// when `new` writes it in a form of its own (`title`, `tags`, `sources`).
    public let starter: String?
    /// Reads and writes the field's value in an `Incident`.
    let storage: Storage

    /// Where the value lives in an `Incident`: a getter and a setter, written out as
    /// closures rather than key paths (a key path applied at run time cost a
    /// microsecond per read, and facets read 10,000 incidents on every rebuild).
    enum Storage: Sendable {
        case text(@Sendable (Incident) -> String?, @Sendable (inout Incident, String?) -> Void)
        case date(@Sendable (Incident) -> PartialDate?, @Sendable (inout Incident, PartialDate?) -> Void)
        case dateTime(@Sendable (Incident) -> DateTime?, @Sendable (inout Incident, DateTime?) -> Void)
        case yesNo(@Sendable (Incident) -> Bool?, @Sendable (inout Incident, Bool?) -> Void)
        case special
    }

    /// The folder of a facet's pages: `ai-provider/`.
    public var folder: String { key.replacingOccurrences(of: "_", with: "-") }

    /// The value as text for people: a fact's value, a facet value, a CSV cell.
    /// Severity is its label ("High"); yes/no is "Yes" or "No"; dates as given.
    public func text(of incident: Incident) -> String? {
        switch storage {
        case .text(let get, _): return get(incident)
        case .date(let get, _): return get(incident)?.description
        case .dateTime(let get, _): return get(incident)?.description
        case .yesNo(let get, _): return get(incident).map { $0 ? "Yes" : "No" }
        case .special:
            switch key {
            case "title": return incident.title
            case "severity": return incident.severity.label
            case "slug": return incident.slug
            case "id": return incident.id.map(String.init)
            case "duplicate_of": return incident.duplicateOf
            case "aliases": return incident.aliases.isEmpty ? nil : incident.aliases.map { siteAddress(ofOutputPath: $0.outputPath) }.joined(separator: " ")
            default: return nil
            }
        }
    }
}

extension IncidentField {
    /// Every field, in the contract's order: the order of the data downloads, the
    /// schema, the facts on the page and `new`'s template.
    public static let all: [IncidentField] = [
        IncidentField(key: "id", label: "Incident number", kind: .number, required: false, browsing: .no, isFact: false,
                      summary: "A permanent number, unique in the site, never reused: shown as \"Incident 42\", in citations, data and feeds; i/42/ always leads to the page. Once one incident has one, every incident needs one (incidents new assigns the next).",
                      examples: [], starter: nil, storage: .special),
        IncidentField(key: "title", label: "Title", kind: .text, required: true, browsing: .no, isFact: false,
                      summary: "The incident's headline: the page heading and the link text in lists.", examples: [],
                      starter: nil, storage: .special),
        IncidentField(key: "severity", label: "Severity", kind: .severity, required: true, browsing: .byDefault, isFact: false,
                      summary: "How bad it was: critical, high, medium or low (any case); shown as a badge.",
                      examples: Severity.allCases.map(\.rawValue), starter: nil, storage: .special),
        IncidentField(key: "summary", label: "Summary", kind: .text, required: false, browsing: .no, isFact: false,
                      summary: "One plain-text paragraph, shown under the title, in lists, feeds and the page description.",
                      examples: [], starter: nil, storage: .text({ $0.summary }, { $0.summary = $1 })),
        IncidentField(key: "date_occurred", label: "Date occurred", kind: .date, required: false, browsing: .no, isFact: true,
                      summary: "When it happened; the index orders by it (or else by date_reported).", examples: [],
                      starter: nil, storage: .date({ $0.dateOccurred }, { $0.dateOccurred = $1 })),
        IncidentField(key: "date_reported", label: "Date reported", kind: .date, required: true, browsing: .no, isFact: true,
                      summary: "When it was first reported; feeds order by it.", examples: [],
                      starter: nil, storage: .special),
        IncidentField(key: "started", label: "Started", kind: .dateTime, required: false, browsing: .no, isFact: true,
                      summary: "When it began, as an RFC 3339 date-time such as 2024-02-14T09:30:00Z; with resolved, the page shows how long it lasted.",
                      examples: [], starter: "# started: 2024-02-14T09:30:00Z   # with resolved: the duration is shown",
                      storage: .dateTime({ $0.started }, { $0.started = $1 })),
        IncidentField(key: "resolved", label: "Resolved", kind: .dateTime, required: false, browsing: .no, isFact: true,
                      summary: "When it ended, as an RFC 3339 date-time; not before started.",
                      examples: [], starter: "# resolved: 2024-02-14T12:42:00Z",
                      storage: .dateTime({ $0.resolved }, { $0.resolved = $1 })),
        IncidentField(key: "status", label: "Status", kind: .text, required: false, browsing: .byDefault, isFact: true,
                      summary: "Any words; the first letter is capitalised on the page.", examples: ["ongoing", "resolved", "monitoring"],
                      starter: "# status: ongoing                # ongoing | resolved | monitoring", storage: .text({ $0.status }, { $0.status = $1 })),
        IncidentField(key: "category", label: "Category", kind: .text, required: false, browsing: .byDefault, isFact: true,
                      summary: "What kind of incident it is.", examples: ["Misinformation", "Privacy"],
                      starter: "# category: Misinformation", storage: .text({ $0.category }, { $0.category = $1 })),
        IncidentField(key: "industry", label: "Industry", kind: .text, required: false, browsing: .byDefault, isFact: true,
                      summary: "Where it happened.", examples: ["Aviation", "Healthcare"],
                      starter: "# industry: Aviation", storage: .text({ $0.industry }, { $0.industry = $1 })),
        IncidentField(key: "jurisdiction", label: "Jurisdiction", kind: .text, required: false, browsing: .byDefault, isFact: true,
                      summary: "The country or region whose rules apply.", examples: ["Canada", "European Union"],
                      starter: "# jurisdiction: Canada", storage: .text({ $0.jurisdiction }, { $0.jurisdiction = $1 })),
        IncidentField(key: "ai_provider", label: "AI provider", kind: .text, required: false, browsing: .optional, isFact: true,
                      summary: "Who provided the AI system involved.", examples: ["OpenAI", "Other/Unknown"],
                      starter: "# ai_provider: Other/Unknown", storage: .text({ $0.aiProvider }, { $0.aiProvider = $1 })),
        IncidentField(key: "application_type", label: "Application type", kind: .text, required: false, browsing: .optional, isFact: true,
                      summary: "What the system was used as.", examples: ["chatbot", "hiring tool"],
                      starter: "# application_type: chatbot", storage: .text({ $0.applicationType }, { $0.applicationType = $1 })),
        IncidentField(key: "harm_type", label: "Harm type", kind: .text, required: false, browsing: .optional, isFact: true,
                      summary: "What kind of harm it caused.", examples: ["financial", "physical"],
                      starter: "# harm_type: financial", storage: .text({ $0.harmType }, { $0.harmType = $1 })),
        IncidentField(key: "human_review", label: "Human review in place", kind: .yesNo, required: false, browsing: .no, isFact: true,
                      summary: "Whether a human reviewed the system's output.", examples: [],
                      starter: "# human_review: no", storage: .yesNo({ $0.humanReview }, { $0.humanReview = $1 })),
        IncidentField(key: "litigation_filed", label: "Litigation filed", kind: .yesNo, required: false, browsing: .no, isFact: true,
                      summary: "Whether anyone went to court.", examples: [],
                      starter: "# litigation_filed: no", storage: .yesNo({ $0.litigationFiled }, { $0.litigationFiled = $1 })),
        IncidentField(key: "litigation_status", label: "Litigation status", kind: .text, required: false, browsing: .optional, isFact: true,
                      summary: "Where the case stands.", examples: ["pending", "decided"],
                      starter: "# litigation_status: pending", storage: .text({ $0.litigationStatus }, { $0.litigationStatus = $1 })),
        IncidentField(key: "regulatory_body", label: "Regulatory body", kind: .text, required: false, browsing: .optional, isFact: true,
                      summary: "The regulator or court involved.", examples: ["Civil Resolution Tribunal"],
                      starter: "# regulatory_body: Name of the regulator or court", storage: .text({ $0.regulatoryBody }, { $0.regulatoryBody = $1 })),
        IncidentField(key: "tags", label: "Tags", kind: .tags, required: false, browsing: .no, isFact: false,
                      summary: "A list of short names; each has a page listing its incidents.", examples: [],
                      starter: nil, storage: .special),
        IncidentField(key: "sources", label: "Sources", kind: .sources, required: false, browsing: .no, isFact: false,
                      summary: "The published sources: a list of entries with title (required), publisher, date, type and url.",
                      examples: [], starter: nil, storage: .special),
        IncidentField(key: "deployers", label: "Deployers", kind: .entities, required: false, browsing: .no, isFact: false,
                      summary: "Who deployed the system: a list of organisation names; each has an entity page listing its incidents by role.",
                      examples: [], starter: "# deployers: [Example Airline]", storage: .special),
        IncidentField(key: "developers", label: "Developers", kind: .entities, required: false, browsing: .no, isFact: false,
                      summary: "Who developed the system (ai_provider stays its own field: name the vendor here too to list it as a developer).",
                      examples: [], starter: "# developers: [Example Vendor]", storage: .special),
        IncidentField(key: "harmed_parties", label: "Harmed parties", kind: .entities, required: false, browsing: .no, isFact: false,
                      summary: "Who was harmed: a list of names of people, groups or organisations.",
                      examples: [], starter: "# harmed_parties: [Passengers]", storage: .special),
        IncidentField(key: "timeline", label: "Timeline", kind: .timeline, required: false, browsing: .no, isFact: false,
                      summary: "What happened and when: a list of entries with date (a date, or an RFC 3339 date-time), text (one line of Markdown) and an optional status; shown oldest first.",
                      examples: [], starter: nil, storage: .special),
        IncidentField(key: "slug", label: "Slug", kind: .slug, required: false, browsing: .no, isFact: false,
                      summary: "The page's URL segment; default: the file name without .md.", examples: [],
                      starter: "# slug: a-shorter-url            # default: the file name", storage: .special),
        IncidentField(key: "draft", label: "Draft", kind: .yesNo, required: false, browsing: .no, isFact: false,
                      summary: "Left out of the site unless built with --drafts.", examples: [],
                      starter: "# draft: true                    # left out of the site unless --drafts",
                      storage: .yesNo({ $0.draft }, { $0.draft = $1 ?? false })),
        IncidentField(key: "aliases", label: "Aliases", kind: .paths, required: false, browsing: .no, isFact: false,
                      summary: "Old addresses of the page inside the site, such as incidents/old-name/: each becomes a page that sends readers here.",
                      examples: [], starter: "# aliases: [incidents/old-name/]  # old addresses that lead here", storage: .special),
        IncidentField(key: "duplicate_of", label: "Duplicate of", kind: .reference, required: false, browsing: .no, isFact: false,
                      summary: "The slug or id of the incident this one duplicates: the page becomes a tombstone pointing there, left out of every list, feed, facet and statistic (kept in the data downloads).",
                      examples: [], starter: "# duplicate_of: other-incident     # makes this page a tombstone", storage: .special),
        IncidentField(key: "withdrawn", label: "Withdrawn", kind: .text, required: false, browsing: .no, isFact: false,
                      summary: "Why the incident was withdrawn: the page becomes a tombstone giving the reason, left out of every list, feed, facet and statistic (kept in the data downloads).",
                      examples: [], starter: "# withdrawn: Why it was withdrawn   # makes this page a tombstone",
                      storage: .text({ $0.withdrawn }, { $0.withdrawn = $1 })),
    ]

    /// The field with `key`, if the contract has one.
    public static func named(_ key: String) -> IncidentField? {
        byKey[key]
    }

    private static let byKey: [String: IncidentField] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })

    /// Every key, for "did you mean" hints.
    public static let keys: [String] = all.map(\.key)

    /// The fields readers can browse by, and those browsed by when `site.yml` does not choose.
    public static let browsable: [IncidentField] = all.filter { $0.browsing != .no }
    public static let defaultFacets: [IncidentField] = all.filter { $0.browsing == .byDefault }
}

extension IncidentField: Equatable, Hashable {
    /// Fields are the same when their keys are: the table holds each key once.
    public static func == (lhs: IncidentField, rhs: IncidentField) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

extension IncidentField {
    /// The key table of docs/format.md, made from this table (a test checks the docs
    /// hold exactly this).
    public static var keyTableMarkdown: String {
        var rows = ["| Key | Value | Required | Label on pages | What it is |", "|---|---|---|---|---|"]
        for field in all {
            let value: String
            switch field.kind {
            case .text: value = field.key == "summary" ? "text (one plain paragraph)" : "text"
            case .severity: value = "`critical`, `high`, `medium` or `low`"
            case .date: value = "date"
            case .yesNo: value = "yes/no"
            case .tags: value = "list of text"
            case .sources: value = "list of sources"
            case .slug: value = "text"
            case .number: value = "whole number ≥ 1"
            case .dateTime: value = "date-time (RFC 3339)"
            case .timeline: value = "list of timeline entries"
            case .entities: value = "list of names"
            case .paths: value = "list of site paths"
            case .reference: value = "slug or id"
            }
            let browsing = field.browsing == .byDefault ? " Browsable (a facet by default)." : field.browsing == .optional ? " Browsable (as a facet when `site.yml` names it)." : ""
            rows.append("| `\(field.key)` | \(value) | \(field.required ? (field.key == "title" ? "**yes**" : "**yes** (not in a tombstone)") : "no") | \(field.label) | \(field.summary)\(browsing) |")
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
