import Foundation
import Testing
@testable import IncidentsCore

/// The field table is the one list of incident fields: the docs, the schema, the
/// parser, the data downloads and `new`'s template all follow it.
@Suite struct FieldTableTests {
    static let formatDoc = DemoSiteTests.repositoryRoot + "/docs/format.md"

    /// docs/format.md's key table is the table's. Run the tests with RECORD_DOCS=1 to
    /// write it after changing the table.
    @Test func theFormatDocsListEveryFieldAsTheTableDoes() throws {
        let text = try String(contentsOfFile: Self.formatDoc, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- keys -->\n")), end = try #require(text.range(of: "<!-- /keys -->"))
        let documented = String(text[start.upperBound..<end.lowerBound])
        if ProcessInfo.processInfo.environment["RECORD_DOCS"] != nil, documented != IncidentField.keyTableMarkdown {
            try (text[..<start.upperBound] + IncidentField.keyTableMarkdown + text[end.lowerBound...])
                .write(toFile: Self.formatDoc, atomically: true, encoding: .utf8)
            return
        }
        #expect(documented == IncidentField.keyTableMarkdown)
    }

    @Test func theSchemaDescribesEveryFieldAndRequiresTheRequiredOnes() throws {
        let schema = try #require(JSONSerialization.jsonObject(with: Data(IncidentSchema.text.utf8)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(IncidentField.keys))
        // Title always; the other required fields unless the file is a tombstone.
        #expect(schema["required"] as? [String] == ["title"])
        let alternatives = try #require(schema["anyOf"] as? [[String: Any]]).compactMap { $0["required"] as? [String] }
        #expect(alternatives == [IncidentField.all.filter(\.required).map(\.key), ["title", "duplicate_of"], ["title", "withdrawn"]])
    }

    @Test func newWritesEveryField() throws {
        // In a site that numbers its incidents, `id` too.
        let text = NewIncident.text(title: "T", severity: .high, tags: [], today: PartialDate(year: 2026, month: 1, day: 2)!, id: 7)
        for field in IncidentField.all {
            #expect(text.contains("\n\(field.key):") || text.contains("\n# \(field.key):"), "\(field.key)")
        }
        let unnumbered = NewIncident.text(title: "T", severity: .high, tags: [], today: PartialDate(year: 2026, month: 1, day: 2)!)
        #expect(!unnumbered.contains("\nid:"))
        #expect(throws: Never.self) { try IncidentParser.parse(unnumbered, path: "content/incidents/t.md").get() }
        // And what it writes parses, with every optional key left out.
        #expect(throws: Never.self) { try IncidentParser.parse(text, path: "content/incidents/t.md").get() }
    }

    @Test func theDataDownloadsHaveAColumnForEveryField() {
        let published = Set(IncidentRecord.csvColumns)
        for field in IncidentField.all where field.key != "draft" {
            // Lists of entries are in incidents.json only: a CSV cell holds one value.
            #expect(published.contains(field.key) || field.kind == .sources || field.kind == .timeline, "\(field.key)")
        }
    }

    @Test func everyKnownKeyIsReadAndNoneIsLeftForParams() throws {
        // A file with every field given: nothing is an unknown key.
        let text = """
        ---
        title: T
        severity: low
        summary: S
        date_occurred: 2024
        date_reported: 2024-02-03
        status: ongoing
        category: C
        industry: I
        jurisdiction: J
        ai_provider: A
        application_type: T
        harm_type: H
        human_review: yes
        litigation_filed: no
        litigation_status: pending
        regulatory_body: R
        tags: [x]
        sources:
          - title: S
            url: https://example.org
        slug: t
        draft: false
        id: 3
        aliases: [incidents/old-t/]
        withdrawn: W
        ---
        """
        let (result, warnings) = IncidentParser.parseReportingWarnings(text, path: "content/incidents/t.md")
        let incident = try result.get()
        #expect(incident.extraParams.isEmpty)
        #expect(!warnings.contains { $0.message.contains("not a known key") })
        for field in IncidentField.all where field.kind == .text && field.key != "title" {
            #expect(field.text(of: incident) != nil, "\(field.key) was not read")
        }
    }
}
