import Testing
@testable import IncidentsCore

/// Parsing of one incident file: every key, and every validation error with its exact location.
@Suite struct FrontMatterTests {
    private func errors(_ text: String, path: String = "content/incidents/x.md") -> [String] {
        switch IncidentParser.parse(text, path: path) {
        case .success: return []
        case .failure(let failure): return failure.diagnostics.map(\.description)
        }
    }

    private func incident(_ text: String, path: String = "content/incidents/x.md") throws -> Incident {
        try IncidentParser.parse(text, path: path).get()
    }

    @Test func readsEveryKey() throws {
        let parsed = try incident("""
        ---
        title: Chatbot gave wrong refund policy
        severity: High
        summary: One paragraph.
        date_occurred: 2022-11
        date_reported: 2024-02-15
        status: resolved
        category: Misinformation
        industry: Aviation
        jurisdiction: Canada
        ai_provider: Other/Unknown
        application_type: chatbot
        harm_type: financial
        human_review: No
        litigation_filed: TRUE
        litigation_status: decided
        regulatory_body: Civil Resolution Tribunal
        tags: [chatbot, customer_service, chatbot]
        sources:
          - title: Airline ordered to honour chatbot's answer
            publisher: Example News
            date: 2024-02-16
            type: news
            url: https://example.org/story
        slug: airline-chatbot
        reviewer: Jane
        ---
        ## Body
        """)
        #expect(parsed.title == "Chatbot gave wrong refund policy")
        #expect(parsed.severity == .high)
        #expect(parsed.dateOccurred == PartialDate(year: 2022, month: 11))
        #expect(parsed.dateReported == PartialDate(year: 2024, month: 2, day: 15))
        #expect(parsed.humanReview == false)
        #expect(parsed.litigationFiled == true)
        #expect(parsed.tags == ["chatbot", "customer_service"])
        #expect(parsed.sources == [Source(title: "Airline ordered to honour chatbot's answer", publisher: "Example News",
                                          date: PartialDate(year: 2024, month: 2, day: 16), type: "news", url: "https://example.org/story")])
        #expect(parsed.slug == "airline-chatbot")
        #expect(parsed.extraParams == ["reviewer": .text("Jane")])
        #expect(parsed.body == .inline("## Body"))
    }

    @Test func slugDefaultsToFileName() throws {
        #expect(try incident(incidentFile(), path: "content/incidents/2024/air-canada.md").slug == "air-canada")
    }

    @Test func acceptsByteOrderMarkAndCRLF() throws {
        let text = "\u{FEFF}" + incidentFile(body: "Line one.\nLine two.\n").split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let parsed = try incident(text)
        #expect(parsed.title == "A test incident")
        #expect(parsed.body == .inline("Line one.\nLine two.\n"))
    }

    @Test func crlfErrorsKeepFileLineNumbers() {
        let text = "---\r\ntitle: T\r\nseverity: hgh\r\ndate_reported: 2024-01-01\r\n---\r\n"
        #expect(errors(text) == [#"content/incidents/x.md:3:11: severity: "hgh" is not one of critical, high, medium, low"#])
    }

    @Test func contractExample() {
        let text = "---\ntitle: T\ndate_reported: 2024-01-01\nseverity: hgh\n---\n"
        #expect(errors(text) == [#"content/incidents/x.md:4:11: severity: "hgh" is not one of critical, high, medium, low"#])
    }

    @Test func missingRequiredKeys() {
        #expect(errors("---\nsummary: only this\n---\n") == [
            "content/incidents/x.md:1:1: date_reported: missing, expected a date YYYY-MM-DD (or YYYY-MM, YYYY)",
            "content/incidents/x.md:1:1: severity: missing, expected one of critical, high, medium, low",
            "content/incidents/x.md:1:1: title: missing, expected the incident's title as text",
        ])
    }

    @Test func wrongTypes() {
        let text = """
        ---
        title: 123
        severity: [high]
        date_reported: 2024-01-01
        summary: {a: b}
        tags: {privacy: true}
        human_review: maybe
        sources: https://example.org
        ---
        """
        #expect(errors(text) == [
            "content/incidents/x.md:2:8: title: found number 123, expected the incident's title as text (put it in quotes)",
            "content/incidents/x.md:3:11: severity: found a list, expected one of critical, high, medium, low",
            "content/incidents/x.md:5:10: summary: found a map of keys, expected text",
            "content/incidents/x.md:6:7: tags: found a map of keys, expected a list such as [privacy, chatbot]",
            "content/incidents/x.md:7:15: human_review: found \"maybe\", expected yes, no, true or false",
            "content/incidents/x.md:8:10: sources: found \"https://example.org\", expected a list of entries, each starting with '- '",
        ])
    }

    @Test(arguments: [
        ("2024-02-30", "content/incidents/x.md:4:16: date_reported: \"2024-02-30\" is not a date, expected YYYY-MM-DD, YYYY-MM or YYYY with a real month and day"),
        ("24-01-01", "content/incidents/x.md:4:16: date_reported: \"24-01-01\" is not a date, expected YYYY-MM-DD, YYYY-MM or YYYY with a real month and day"),
        ("2024/01/01", "content/incidents/x.md:4:16: date_reported: \"2024/01/01\" is not a date, expected YYYY-MM-DD, YYYY-MM or YYYY with a real month and day"),
        ("2024-13", "content/incidents/x.md:4:16: date_reported: \"2024-13\" is not a date, expected YYYY-MM-DD, YYYY-MM or YYYY with a real month and day"),
    ])
    func impossibleDates(date: String, expected: String) {
        #expect(errors("---\ntitle: T\nseverity: low\ndate_reported: \(date)\n---\n") == [expected])
    }

    @Test func leapDayIsADate() throws {
        #expect(SiteLanguage(code: "en").date(try incident(incidentFile(dateReported: "2024-02-29")).dateReported) == "Feb 29, 2024")
    }

    @Test func sourceErrors() {
        let text = """
        ---
        title: T
        severity: low
        date_reported: 2024-01-01
        sources:
          - publisher: Nobody
          - title: Bad link
            url: javascript:alert(1)
          - title: Bad date
            date: yesterday
        ---
        """
        #expect(errors(text) == [
            "content/incidents/x.md:6:5: sources[0].title: missing, expected the source's title",
            "content/incidents/x.md:8:10: sources[1].url: \"javascript:alert(1)\" uses the javascript: scheme, expected an http(s) URL or a relative path",
            "content/incidents/x.md:10:11: sources[2].date: \"yesterday\" is not a date, expected YYYY-MM-DD, YYYY-MM or YYYY with a real month and day",
        ])
    }

    @Test func yamlSyntaxError() {
        let text = "---\ntitle: T\nseverity: low\ndate_reported: 2024-01-01\ntags: [a, b\n---\n"
        let found = errors(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("content/incidents/x.md:6:1: invalid YAML: ") == true)
    }

    @Test func duplicateKeyPointsAtTheRepeat() {
        let text = "---\ntitle: T\nseverity: low\ntitle: U\ndate_reported: 2024-01-01\n---\n"
        #expect(errors(text) == ["content/incidents/x.md:4:1: title: is given more than once (first on line 2), expected each key once"])
    }

    @Test func fileWithoutFrontMatter() {
        #expect(errors("# Just Markdown\n") == [##"content/incidents/x.md:1:1: no front matter: expected the first line to be '---', found "# Just Markdown""##])
        #expect(errors("") == ["content/incidents/x.md:1:1: the file is empty, expected front matter between two '---' lines"])
    }

    @Test func fenceNeverClosed() {
        #expect(errors("---\ntitle: T\nseverity: low\n") == ["content/incidents/x.md:1:1: the front matter opened here is never closed: expected a line '---' after it"])
    }

    @Test func slugMustBeOnePathSegment() {
        #expect(errors(incidentFile(extra: "slug: ../escape")) == [
            #"content/incidents/x.md:5:7: slug: "../escape" starts with a dot, expected a single URL segment such as my-incident"#,
        ])
        #expect(errors(incidentFile(extra: "slug: a/b")) == [
            #"content/incidents/x.md:5:7: slug: "a/b" contains a path separator, expected a single URL segment such as my-incident"#,
        ])
    }

    @Test func aliasBombIsRefusedBeforeParsing() {
        var lines = ["---", "title: T", "severity: low", "date_reported: 2024-01-01", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]")
        }
        lines.append("---")
        #expect(errors(lines.joined(separator: "\n") + "\n") == [
            "content/incidents/x.md:5:5: YAML anchors and aliases (&name, *name) are not supported in front matter, expected plain values (put text that starts with & or * in quotes)",
        ])
    }
}

/// Anchors and aliases are refused by the parser itself, from libyaml's events: never
/// text that only looks like one.
@Suite struct AnchorScanTests {
    @Test(arguments: [
        ("a: &x [1]\n", true),
        ("a: *x\n", true),
        ("- &x value\n", true),
        ("a: [b, *x]\n", true),
        ("? *x\n: v\n", true),
        ("title: AT&T fined\n", false),
        ("title: R &D costs\n", false),
        ("title: \"&quoted\"\n", false),
        ("title: '*quoted'\n", false),
        ("industry: Food & Beverage\n", false),
        ("title: 5\" screen *x\n", false),
        ("summary: |\n  - &not an anchor\n  * a list item\nnext: fine\n", false),
        ("summary: >-\n  *emphasis*\nafter: &x v\n", true),
        ("title: x # &comment\n", false),
    ])
    func findsAnchorsOnlyWhereYAMLWouldSeeThem(yaml: String, hasAnchor: Bool) {
        var refused = false
        do {
            _ = try YAMLParser.parse(yaml, path: "x.md", firstLine: 2)
        } catch {
            refused = error.diagnostics.contains { $0.message.hasPrefix("YAML anchors and aliases") }
        }
        #expect(refused == hasAnchor, "\(yaml)")
    }
}
