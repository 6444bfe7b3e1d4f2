import Foundation

/// An incident as data, for researchers: every front-matter field under its
/// front-matter key, in the contract's order. The JSON download, the CSV download
/// and the JSON Feed's extension all read incidents through this one type.
struct IncidentRecord {
    let incident: Incident
    /// Tag display names (the site-wide spelling), in the incident's order.
    let tagNames: [String]

    /// The columns of `incidents.csv`, in order.
    static let csvColumns = [
        "slug", "url", "title", "severity", "summary", "date_occurred", "date_reported", "status", "category",
        "industry", "jurisdiction", "ai_provider", "application_type", "harm_type", "human_review",
        "litigation_filed", "litigation_status", "regulatory_body", "tags", "source_urls",
    ]

    /// The scalar fields shared by JSON and CSV, nil where the incident has none.
    private func fields(url: String) -> [(String, String?)] {
        [
            ("slug", incident.slug),
            ("url", url),
            ("title", incident.title),
            ("severity", incident.severity.rawValue),
            ("summary", incident.summary),
            ("date_occurred", incident.dateOccurred?.description),
            ("date_reported", incident.dateReported.description),
            ("status", incident.status),
            ("category", incident.category),
            ("industry", incident.industry),
            ("jurisdiction", incident.jurisdiction),
            ("ai_provider", incident.aiProvider),
            ("application_type", incident.applicationType),
            ("harm_type", incident.harmType),
            ("human_review", incident.humanReview.map { $0 ? "true" : "false" }),
            ("litigation_filed", incident.litigationFiled.map { $0 ? "true" : "false" }),
            ("litigation_status", incident.litigationStatus),
            ("regulatory_body", incident.regulatoryBody),
        ]
    }

    /// The whole incident as a JSON object; `url` is its page's address.
    func json(url: String, bodyMarkdown: String, bodyHTML: String) -> JSONValue {
        var members: [(String, JSONValue)] = fields(url: url).map { key, value in
            switch key {
            case "human_review": return (key, incident.humanReview.map(JSONValue.bool) ?? .null)
            case "litigation_filed": return (key, incident.litigationFiled.map(JSONValue.bool) ?? .null)
            default: return (key, .optional(value))
            }
        }
        members.append(("tags", .array(tagNames.map(JSONValue.string))))
        members.append(("sources", .array(incident.sources.map(Self.json))))
        members.append(("params", Self.json(.map(incident.extraParams))))
        members.append(("body_markdown", .string(bodyMarkdown)))
        members.append(("body_html", .string(bodyHTML)))
        return .object(members)
    }

    /// One CSV row, in `csvColumns` order: tags joined with `;`, source URLs with a space.
    func csvRow(url: String) -> [String] {
        fields(url: url).map { $0.1 ?? "" } + [
            tagNames.joined(separator: ";"),
            incident.sources.compactMap(\.url).joined(separator: " "),
        ]
    }

    static func json(_ source: Source) -> JSONValue {
        .object([
            ("title", .string(source.title)),
            ("publisher", .optional(source.publisher)),
            ("date", .optional(source.date?.description)),
            ("type", .optional(source.type)),
            ("url", .optional(source.url)),
        ])
    }

    static func json(_ value: ParamValue) -> JSONValue {
        switch value {
        case .text(let text): return .string(text)
        case .list(let items): return .array(items.map(json))
        case .map(let entries): return .object(entries.keys.sorted().map { ($0, json(entries[$0]!)) })
        }
    }
}

/// Comma-separated values as RFC 4180 defines them: CRLF line ends, and fields
/// holding a comma, quote or line break quoted, with quotes doubled.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
/// return before one) as a formula, so a title such as `=HYPERLINK(…)` would act when a
/// reader opens the download. Such cells get a leading apostrophe, which spreadsheets
/// hide and programs see; `incidents.json` carries every value exactly as written.
enum CSV {
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        let text = startsLikeAFormula(text) ? "'" + text : text
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func startsLikeAFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
            || first == 0x09 || first == 0x0D
    }
}
