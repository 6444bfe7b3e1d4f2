/// The JSON Schema (draft 2020-12) of an incident's front matter: the same rules the
/// parser enforces, in a form editors understand, for completion and validation as
/// you type. The build publishes it at `schema/incident.schema.json`; the repository
/// keeps an identical copy at `schema/incident.schema.json` (a test compares them).
public enum IncidentSchema {
    public static let outputPath = "schema/incident.schema.json"

    public static var text: String { document.text(indent: 2) + "\n" }

    /// The schema of a translation's front matter (`x.fr.md`): the same keys, none
    /// required (each left out is the source's), and the keys only a translation has.
    public static let translationOutputPath = "schema/translation.schema.json"
    public static var translationText: String { translationDocument.text(indent: 2) + "\n" }

    static var translationDocument: JSONValue {
        guard case .object(let members) = document else { return document }
        var properties: [(String, JSONValue)] = []
        for (key, value) in members where key == "properties" {
            if case .object(let fields) = value { properties = fields }
        }
        properties += [
            ("machine_translated", .object([("type", .string("boolean")), ("description", .string("The translation was made by machine: its page says so."))])),
            ("translated_from", .object([("type", .string("string")), ("pattern", .string("^[0-9a-f]{16}$")),
                                         ("description", .string("The source's fingerprint when it was translated, as incidents check prints it: without git history, how check tells the translation is older than its source."))])),
        ]
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("translation.schema.json")),
            ("title", .string("Translated incident front matter")),
            ("description", .string("The YAML front matter of a translation (content/incidents/*.<lang>.md). Every key is optional: one left out is taken from the source file; id, severity, dates and slug must agree with it.")),
            ("type", .string("object")),
            ("properties", .object(properties)),
        ])
    }

    static var document: JSONValue {
        func text(_ description: String) -> JSONValue {
            .object([("type", .string("string")), ("minLength", .int(1)), ("description", .string(description))])
        }
        // YAML reads 2024 as a number and 2024-02 as text; both are dates here.
        let date: JSONValue = .object([
            ("description", .string("YYYY, YYYY-MM or YYYY-MM-DD; the precision given is kept and shown.")),
            ("anyOf", .array([
                .object([("type", .string("string")), ("pattern", .string(#"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"#))]),
                .object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(9999))]),
            ])),
        ])
        func yesNo(_ description: String) -> JSONValue {
            .object([
                ("description", .string(description)),
                ("anyOf", .array([
                    .object([("type", .string("boolean"))]),
                    .object([("type", .string("string")), ("pattern", .string("^([Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"))]),
                ])),
            ])
        }
        let severity: JSONValue = .object([
            ("description", .string("How bad it was: critical, high, medium or low (any case).")),
            ("type", .string("string")),
            ("pattern", .string("^([Cc][Rr][Ii][Tt][Ii][Cc][Aa][Ll]|[Hh][Ii][Gg][Hh]|[Mm][Ee][Dd][Ii][Uu][Mm]|[Ll][Oo][Ww])$")),
            ("examples", .array(Severity.allCases.map { .string($0.rawValue) })),
        ])
        let source: JSONValue = .object([
            ("type", .string("object")),
            ("required", .array([.string("title")])),
            ("properties", .object([
                ("title", text("The source's headline or document title.")),
                ("publisher", text("Who published it.")),
                ("date", date),
                ("type", .object([("type", .string("string")), ("examples", .array(["news", "court_filing", "report", "blog", "paper"].map(JSONValue.string)))])),
                ("url", .object([("type", .string("string")), ("pattern", .string("^(https?://|/?[^:]+$)")),
                                 ("description", .string("An http(s) URL, or a path inside the site such as files/report.pdf."))])),
                ("archive_url", .object([("type", .string("string")), ("pattern", .string("^(https?://|/?[^:]+$)")),
                                         ("description", .string("A copy kept by an archive (web.archive.org, archive.today), for when url goes."))])),
                ("authors", .object([("type", .string("array")), ("items", .object([("type", .string("string")), ("minLength", .int(1))]))])),
                ("language", .object([("type", .string("string")), ("minLength", .int(1)), ("examples", .array(["en", "nl", "de"].map(JSONValue.string))),
                                      ("description", .string("The language the source is written in, e.g. a BCP 47 tag."))])),
            ])),
        ])
        func property(_ field: IncidentField) -> JSONValue {
            let examples: [(String, JSONValue)] = field.examples.isEmpty ? [] : [("examples", .array(field.examples.map(JSONValue.string)))]
            switch field.kind {
            case .text:
                return .object([("type", .string("string")), ("minLength", .int(1)), ("description", .string(field.summary))] + examples)
            case .severity:
                return .object([("description", .string(field.summary))] + severity.objectMembers.dropFirst() + [])
            case .date:
                return .object([("description", .string(field.summary + " YYYY, YYYY-MM or YYYY-MM-DD; the precision given is kept and shown."))]
                               + date.objectMembers.dropFirst())
            case .yesNo:
                return yesNo(field.summary)
            case .tags:
                return .object([
                    ("description", .string(field.summary)),
                    ("type", .string("array")),
                    ("maxItems", .int(IncidentParser.maximumTags)),
                    ("items", .object([("type", .array([.string("string"), .string("number")]))])),
                ])
            case .sources:
                return .object([("description", .string(field.summary)), ("type", .string("array")), ("items", source)])
            case .slug:
                return .object([("type", .string("string")), ("pattern", .string(#"^[^/\\.][^/\\]*$"#)), ("description", .string(field.summary))])
            case .dateTime:
                return .object([("type", .string("string")), ("pattern", .string(Self.dateTimePattern)), ("description", .string(field.summary))])
            case .entities:
                return .object([
                    ("description", .string(field.summary)),
                    ("type", .string("array")),
                    ("maxItems", .int(IncidentParser.maximumTags)),
                    ("items", .object([("type", .string("string")), ("minLength", .int(1))])),
                ])
            case .timeline:
                return .object([
                    ("description", .string(field.summary)),
                    ("type", .string("array")),
                    ("items", .object([
                        ("type", .string("object")),
                        ("required", .array([.string("date"), .string("text")])),
                        ("properties", .object([
                            ("date", .object([("anyOf", .array([
                                .object([("type", .string("string")), ("pattern", .string(Self.dateTimePattern))]),
                            ] + (date.objectMembers.first { $0.0 == "anyOf" }.map { if case .array(let items) = $0.1 { return items } else { return [] } } ?? [])))])),
                            ("text", .object([("type", .string("string")), ("minLength", .int(1)), ("description", .string("What happened: one line of Markdown."))])),
                            ("status", .object([("type", .string("string")), ("minLength", .int(1)), ("examples", .array(["investigating", "identified", "monitoring", "resolved"].map(JSONValue.string)))])),
                        ])),
                    ])),
                ])
            case .number:
                return .object([("type", .string("integer")), ("minimum", .int(1)), ("description", .string(field.summary))])
            case .paths:
                return .object([
                    ("description", .string(field.summary)),
                    ("type", .string("array")),
                    ("items", .object([("type", .string("string")), ("pattern", .string(#"^/?[^/:?#\\.][^:?#\\]*$"#))])),
                ])
            case .reference:
                return .object([
                    ("description", .string(field.summary)),
                    ("anyOf", .array([
                        .object([("type", .string("string")), ("minLength", .int(1))]),
                        .object([("type", .string("integer")), ("minimum", .int(1))]),
                    ])),
                ])
            }
        }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("incident.schema.json")),
            ("title", .string("Incident front matter")),
            ("description", .string("The YAML front matter of one incident file (content/incidents/*.md). Keys not listed here are kept for templates; incidents check warns about them.")),
            ("type", .string("object")),
            // A tombstone needs only its title and why it is one.
            ("required", .array([.string("title")])),
            ("anyOf", .array([
                .object([("required", .array(IncidentField.all.filter(\.required).map { .string($0.key) }))]),
                .object([("required", .array([.string("title"), .string("duplicate_of")]))]),
                .object([("required", .array([.string("title"), .string("withdrawn")]))]),
            ])),
            ("properties", .object(IncidentField.all.map { ($0.key, property($0)) })),
        ])
    }
}

extension IncidentSchema {
    /// RFC 3339 date-times as `DateTime` reads them (seconds optional).
    static let dateTimePattern = #"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"#
}

extension JSONValue {
    /// An object's members; none for any other value.
    var objectMembers: [(String, JSONValue)] {
        if case .object(let members) = self { return members }
        return []
    }
}
