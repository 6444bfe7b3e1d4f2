import Testing
@testable import IncidentsCore

@Suite struct SlugAndOrderTests {
    @Test(arguments: [
        ("AI_safety", "ai-safety"),
        ("Child Safety", "child-safety"),
        ("  --Deep__Fake!! ", "deep-fake"),
        ("Zürich", "zürich"),
        ("香港", "香港"),
        ("GPT-4o", "gpt-4o"),
    ])
    func tagSlugs(name: String, slug: String) {
        #expect(Slug.forTag(name) == slug)
    }

    @Test func slugsOfCanonicallyEqualSpellingsHaveTheSameBytes() {
        let precomposed = Slug.forTag("Caf\u{E9}")
        let decomposed = Slug.forTag("Cafe\u{301}")
        #expect(Array(precomposed.utf8) == Array(decomposed.utf8))
        #expect(Slug.urlEncoded(precomposed) == "caf%C3%A9")
    }

    @Test func urlEncodingOfSegments() {
        #expect(Slug.urlEncoded("zürich") == "z%C3%BCrich")
        #expect(Slug.urlEncoded("a b") == "a%20b")
        #expect(Slug.urlEncoded("plain-slug_1.0") == "plain-slug_1.0")
    }

    @Test func plainSegments() {
        #expect(Slug.problem(with: "ok-slug") == nil)
        #expect(Slug.problem(with: "..") != nil)
        #expect(Slug.problem(with: "a\\b") != nil)
        #expect(Slug.problem(with: "") != nil)
    }

    @Test func spellingsMergeUnderTheMostUsedOne() throws {
        func make(_ slug: String, _ tags: [String]) throws -> Incident {
            var incident = try IncidentParser.parse(incidentFile(), path: "content/incidents/\(slug).md").get()
            incident.tags = tags
            return incident
        }
        let site = Site(config: SiteConfig(), incidents: [
            try make("a", ["ai-safety"]), try make("b", ["AI_safety"]), try make("c", ["ai-safety", "AI Safety"]),
        ], pages: [], staticFiles: [])
        #expect(site.tags.map(\.slug) == ["ai-safety"])
        #expect(site.tags[0].name == "ai-safety")
        #expect(site.tags[0].count == 3)
    }

    @Test func newestFirstThenTitle() throws {
        func make(_ slug: String, _ title: String, occurred: String?, reported: String) throws -> Incident {
            let extra = occurred.map { "date_occurred: \($0)" } ?? ""
            return try IncidentParser.parse(incidentFile(title: title, dateReported: reported, extra: extra),
                                            path: "content/incidents/\(slug).md").get()
        }
        let site = Site(config: SiteConfig(), incidents: [
            try make("old", "Old", occurred: "2019", reported: "2024-01-01"),
            try make("b", "Bravo", occurred: nil, reported: "2023-05-01"),
            try make("a", "Alpha", occurred: "2023-05-01", reported: "2023-06-01"),
            try make("month", "Month", occurred: "2023-05", reported: "2023-06-01"),
            try make("new", "New", occurred: "2024-12-31", reported: "2025-01-01"),
        ], pages: [], staticFiles: [])
        #expect(site.incidents.map(\.slug) == ["new", "a", "b", "month", "old"])
    }

    @Test func datesShownAtTheirPrecision() {
        let english = SiteLanguage(code: "en")
        #expect(PartialDate(parsing: "2025-01-15").map(english.date) == "Jan 15, 2025")
        #expect(PartialDate(parsing: "2022-11").map(english.date) == "Nov 2022")
        #expect(PartialDate(parsing: "2022").map(english.date) == "2022")
    }
}

@Suite struct NumberTextTests {
    @Test func countsAreGroupedByThousands() {
        #expect(Count.text(1, "incident") == "1 incident")
        #expect(Count.text(999, "incident") == "999 incidents")
        #expect(Count.text(1000, "tag") == "1,000 tags")
        #expect(Count.text(1_234_567, "file") == "1,234,567 files")
        #expect(Count.grouped(-12345) == "-12,345")
    }
}

@Suite struct PermutationTests {
    /// Site puts incidents in order in place, cycle by cycle; every shape of cycle lands
    /// each item where a sorted copy would.
    @Test func everyOrderIsTheSortedCopy() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 7, 50, 257] {
            for _ in 0..<20 {
                let items = (0..<count).map { _ in Int.random(in: 0..<1000, using: &generator) }
                let order = items.indices.sorted { (items[$0], $0) < (items[$1], $1) }
                var permuted = items
                Site.permute(&permuted, into: order)
                #expect(permuted == order.map { items[$0] })
            }
        }
    }
}
