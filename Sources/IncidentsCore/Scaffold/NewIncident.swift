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

    public static func text(title: String, severity: Severity, tags: [String], today: PartialDate) -> String {
        let tagList = tags.map(yamlText).joined(separator: ", ")
        return """
        ---
        title: \(yamlText(title))
        severity: \(severity.rawValue)            # critical | high | medium | low
        summary: \(yamlText("One plain sentence: what happened, to whom, and why it matters."))
        # date_occurred: \(today.year)            # YYYY, YYYY-MM or YYYY-MM-DD
        date_reported: \(today)
        # status: ongoing                # ongoing | resolved | monitoring
        # category: Misinformation
        # industry: Aviation
        # jurisdiction: Canada
        # ai_provider: Other/Unknown
        # application_type: chatbot
        # harm_type: financial
        # human_review: no
        # litigation_filed: no
        # litigation_status: pending
        # regulatory_body: Name of the regulator or court
        tags: [\(tagList)]
        sources:
          - title: Headline or title of the source
            publisher: Publisher
            date: \(today)
            type: news                   # news | report | court_filing | government | blog
            # url: https://example.org/story
        # slug: a-shorter-url            # default: the file name
        # draft: true                    # left out of the site unless --drafts
        ---
        ## Full Description

        ## Root Cause

        ## Mitigation Analysis

        ## Lessons Learned

        """
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
