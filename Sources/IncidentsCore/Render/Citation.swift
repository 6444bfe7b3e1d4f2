import Foundation

/// How to cite an incident page: a plain reference and a BibTeX entry, built from
/// front matter only, so they never change unless the incident does.
struct Citation {
    let incident: Incident
    let siteTitle: String
    /// The page's absolute address; nil without `base_url` (a relative one is no use in a citation).
    let url: String?
    let language: SiteLanguage

    /// `AI Incident Register. "Title." Incident 3, incident report, severity high, reported Feb 15, 2024. https://…`
    var plainText: String {
        let values = [("site", siteTitle), ("title", incident.title), ("severity", language.lowercased(language.label(incident.severity))),
                      ("date", language.date(incident.dateReported)), ("id", incident.id.map(String.init) ?? "")]
        return language.strings.text(incident.id == nil ? "cite_plain" : "cite_numbered", values) + (url.map { " " + $0 } ?? "")
    }

    var bibTeX: String {
        let key = "incident-" + incident.slug.unicodeScalars.map { scalar in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII ? String(scalar).lowercased() : "-"
        }.joined()
        var fields = [
            // Double braces keep the capitals as written.
            ("title", "{{" + Self.escape(incident.title) + "}}"),
            ("author", "{{" + Self.escape(siteTitle) + "}}"),
            ("year", String(incident.dateReported.year)),
        ]
        if let month = incident.dateReported.month {
            fields.append(("month", ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"][month - 1]))
        }
        if let id = incident.id { fields.append(("number", "{" + String(id) + "}")) }
        if let url { fields.append(("howpublished", "{\\url{" + url + "}}")) }
        fields.append(("note", "{Incident report, severity " + incident.severity.rawValue + "}"))
        let body = fields.map { "  \($0.0) = \($0.1)" }.joined(separator: ",\n")
        return "@misc{\(key),\n\(body)\n}"
    }

    /// Text safe inside a BibTeX field: LaTeX's special characters escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            default: result.append(character)
            }
        }
        return result
    }
}
