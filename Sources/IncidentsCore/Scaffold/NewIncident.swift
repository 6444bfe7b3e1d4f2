import Foundation

/// The text of a new incident file, as `incidents new` writes it: every front-matter
/// key present (the optional ones commented out), today's date as `date_reported`,
/// and the usual section headings.
public enum NewIncident {
    /// The longest file name `new` makes, in bytes (file systems allow 255): a slug is
    /// part of every address of the page, and a sentence-long one helps nobody.
    public static let maximumSlugBytes = 80

    /// The file name (without `.md`) for `title`: its tag-style slug, cut at a word
    /// boundary to at most `maximumSlugBytes`, or nil when the title has no letter or
    /// digit to make one from.
    public static func slug(for title: String) -> String? {
        var slug = Slug.forTag(title)
        if slug.utf8.count > maximumSlugBytes {
            var cut = ""
            for word in slug.split(separator: "-") {
                let longer = cut.isEmpty ? String(word) : cut + "-" + word
                if longer.utf8.count > maximumSlugBytes { break }
                cut = longer
            }
            // One word longer than the limit: cut it by characters.
            if cut.isEmpty {
                for character in slug {
                    if cut.utf8.count + String(character).utf8.count > maximumSlugBytes { break }
                    cut.append(character)
                }
            }
            slug = cut
        }
        return slug.isEmpty ? nil : slug
    }

    /// The file's text: one line per field of `IncidentField.all`, in its order, the
    /// optional ones commented out, then the usual section headings.
    /// `id` is written when the site numbers its incidents (`nextID(in:)`).
    public static func text(title: String, severity: Severity, tags: [String], today: PartialDate, id: Int? = nil) -> String {
        var lines = ["---"]
        for field in IncidentField.all {
            switch field.key {
            case "timeline":
                lines += [
                    "# timeline:                       # what happened and when; shown oldest first",
                    "#   - date: \(today)T09:30:00Z",
                    "#     text: First reports of the failure",
                    "#     status: investigating",
                ]
            case "id": if let id { lines.append("id: \(id)                         # permanent: never change or reuse it") }
            case "title": lines.append("title: \(yamlText(title))")
            case "severity": lines.append("severity: \(severity.rawValue)            # critical | high | medium | low")
            case "summary": lines.append("summary: \(yamlText("One plain sentence: what happened, to whom, and why it matters."))")
            case "date_occurred": lines.append("# date_occurred: \(today.year)            # YYYY, YYYY-MM or YYYY-MM-DD")
            case "date_reported": lines.append("date_reported: \(today)")
            case "tags": lines.append("tags: [\(tags.map(yamlText).joined(separator: ", "))]")
            case "sources":
                lines += [
                    "sources:",
                    "  - title: Headline or title of the source",
                    "    publisher: Publisher",
                    "    date: \(today)",
                    "    type: news                   # news | report | court_filing | government | blog",
                    "    # url: https://example.org/story",
                ]
            default:
                if let starter = field.starter { lines.append(starter) }
            }
        }
        lines += ["---", "## Full Description", "", "## Root Cause", "", "## Mitigation Analysis", "", "## Lessons Learned", ""]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The id for a new incident of the site at `files`: one more than the highest in
    /// use (drafts and tombstones included, since ids are never reused), or nil when no
    /// incident has one. Only each file's `id:` is read, so a file with other errors
    /// still counts.
    public static func nextID(in files: SiteFiles) -> Int? {
        var highest: Int?
        for path in files.incidentFiles {
            guard case .success(let text) = files.readText(path),
                  var reader = try? FrontMatterReader.open(text, path: path).reader,
                  let (id, _) = reader.wholeNumber("id", minimum: 1, what: "") else { continue }
            highest = max(highest ?? id, id)
        }
        return highest.map { $0 + 1 }
    }

    /// `text` as a YAML value: plain when that is safe, double-quoted otherwise.
    static func yamlText(_ text: String) -> String {
        let risky = text.isEmpty || text.contains(": ") || text.contains(" #") || text.hasSuffix(":")
            || "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(text.unicodeScalars.first!)
            || ScalarKind(plainText: text) != .text || text != text.trimmingWhitespace()
        guard risky else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
