import Foundation

/// An incident as data, for researchers: every front-matter field under its
/// front-matter key, in the contract's order. The JSON download, the CSV download
/// and the JSON Feed's extension all read incidents through this one type.
struct IncidentRecord {
    let incident: Incident
    /// Tag display names (the site-wide spelling), in the incident's order.
    let tagNames: [String]

    /// The fields that are one value each, in the table's order (tags and sources are
    /// lists, the draft flag is not published, the slug comes first).
    private static let scalarFields = IncidentField.all.filter {
        $0.kind != .tags && $0.kind != .sources && $0.kind != .paths && $0.kind != .timeline && $0.kind != .entities && $0.key != "slug" && $0.key != "draft"
    }

    /// The columns of `incidents.csv`, in order.
    static let csvColumns = ["slug", "url"] + scalarFields.map(\.key) + ["tags", "source_urls", "aliases"] + Entity.Role.allCases.map(\.key)

    /// A field's value as data: dates in ISO form at their precision, severity as its
    /// slug, yes/no as a boolean.
    private func dataValue(_ field: IncidentField) -> JSONValue {
        switch (field.kind, field.storage) {
        case (.severity, _): return incident.hasSeverity ? .string(incident.severity.rawValue) : .null
        case (.number, _): return incident.id.map(JSONValue.int) ?? .null
        case (_, .yesNo(let get, _)): return get(incident).map(JSONValue.bool) ?? .null
        case (_, .date(let get, _)): return .optional(get(incident)?.description)
        case (_, .dateTime(let get, _)): return .optional(get(incident)?.description)
        case (_, .text(let get, _)): return .optional(get(incident))
        case (.date, .special): return incident.hasDateReported ? .string(incident.dateReported.description) : .null
        default: return .optional(field.text(of: incident))
        }
    }

    /// The whole incident as a JSON object; `url` is its page's address.
    func json(url: String, bodyMarkdown: String, bodyHTML: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("slug", .string(incident.slug)), ("url", .string(url))]
        members += Self.scalarFields.map { ($0.key, dataValue($0)) }
        members.append(("tags", .array(tagNames.map(JSONValue.string))))
        members.append(("sources", .array(incident.sources.map(Self.json))))
        members.append(("aliases", .array(aliasAddresses.map(JSONValue.string))))
        for role in Entity.Role.allCases { members.append((role.key, .array(role.names(of: incident).map(JSONValue.string)))) }
        members.append(("published", dataValue(IncidentField.named("date_reported")!)))
        members.append(("modified", .optional(incident.modified)))
        members.append(("timeline", .array(incident.timeline.map { entry in
            .object([("date", .string(entry.when.description)), ("text", .string(entry.text)), ("status", .optional(entry.status))])
        })))
        members.append(("params", Self.json(.map(incident.extraParams))))
        members.append(("body_markdown", .string(bodyMarkdown)))
        members.append(("body_html", .string(bodyHTML)))
        return .object(members)
    }

    /// One CSV row, in `csvColumns` order: tags joined with `;`, source URLs with a space.
    func csvRow(url: String) -> [String] {
        let cells = Self.scalarFields.map { field -> String in
            switch dataValue(field) {
            case .string(let text): return text
            case .bool(let flag): return flag ? "true" : "false"
            case .int(let number): return String(number)
            default: return ""
            }
        }
        return [incident.slug, url] + cells + [
            tagNames.joined(separator: ";"),
            incident.sources.compactMap(\.url).joined(separator: " "),
            aliasAddresses.joined(separator: " "),
        ] + Entity.Role.allCases.map { $0.names(of: incident).joined(separator: ";") }
    }

    /// The old addresses that lead to the page, as site paths (`incidents/old-name/`).
    private var aliasAddresses: [String] { incident.aliases.map { siteAddress(ofOutputPath: $0.outputPath) } }

    static func json(_ source: Source) -> JSONValue {
        .object([
            ("title", .string(source.title)),
            ("publisher", .optional(source.publisher)),
            ("date", .optional(source.date?.description)),
            ("type", .optional(source.type)),
            ("url", .optional(source.url)),
            ("archive_url", .optional(source.archiveURL)),
            ("authors", .array(source.authors.map(JSONValue.string))),
            ("language", .optional(source.language)),
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
