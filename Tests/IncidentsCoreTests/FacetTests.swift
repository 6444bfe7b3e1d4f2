import Foundation
import Testing
@testable import IncidentsCore

/// Browsing by severity, category, industry, status and jurisdiction, and by the
/// facets a site chooses in site.yml.
@Suite struct FacetTests {
    func site(settings: String = "title: Facets\nper_page: 2\n") throws -> TestSite {
        try TestSite([
            "site.yml": settings,
            "content/incidents/a.md": incidentFile(title: "A", severity: "low", dateReported: "2024-01-01",
                                                   extra: "category: Privacy\nindustry: Health care\nai_provider: Acme"),
            "content/incidents/b.md": incidentFile(title: "B", severity: "critical", dateReported: "2024-02-01",
                                                   extra: "category: privacy\nstatus: resolved"),
            "content/incidents/c.md": incidentFile(title: "C", severity: "low", dateReported: "2024-03-01",
                                                   extra: "category: Privacy\njurisdiction: Québec"),
            "content/incidents/d.md": incidentFile(title: "D", severity: "medium", dateReported: "2024-04-01",
                                                   extra: "category: Bias"),
        ])
    }

    @Test func defaultFacetsGetOverviewAndValuePages() throws {
        let output = try site().buildInMemory()
        // Severity in triage order, not alphabetical; only values in use.
        let severity = try #require(output.text(at: "severity/index.html"))
        #expect(severity.contains("<h1>Incidents by Severity</h1>"))
        let critical = try #require(severity.range(of: "Critical")), medium = try #require(severity.range(of: "Medium")),
            low = try #require(severity.range(of: ">Low<"))
        #expect(critical.lowerBound < medium.lowerBound && medium.lowerBound < low.lowerBound)
        #expect(!severity.contains("severity/high/"))

        // Spellings merge like tags (Privacy, privacy), the most used shown; paginated by per_page.
        let privacy = try #require(output.text(at: "category/privacy/index.html"))
        #expect(privacy.contains("<h1>Category: Privacy</h1>"))
        #expect(privacy.contains("3 incidents · page 1 of 2"))
        #expect(privacy.contains(#"<a href="../../category/">← All values of Category</a>"#))
        #expect(output.files["category/privacy/page/2/index.html"] != nil)
        #expect(output.text(at: "category/index.html")!.contains(#"<li><a href="../category/bias/">Bias</a> <span class="tag-count">1<span class="visually-hidden"> incident</span></span></li>"#))
        #expect(output.files["industry/health-care/index.html"] != nil)
        #expect(output.files["status/resolved/index.html"] != nil)
        #expect(output.files["jurisdiction/québec/index.html"] != nil)
        #expect(output.files["ai-provider/index.html"] == nil, "not a default facet")

        // The incident page links each facet value; lists link every facet.
        let page = try #require(output.text(at: "incidents/c/index.html"))
        #expect(page.contains(#"<dt>Category</dt><dd><a href="../../category/privacy/" data-pagefind-filter="Category">Privacy</a></dd>"#))
        #expect(page.contains(#"<dt>Jurisdiction</dt><dd><a href="../../jurisdiction/qu%C3%A9bec/" data-pagefind-filter="Jurisdiction">Québec</a></dd>"#))
        #expect(page.contains(#"<a class="badge-link" href="../../severity/low/">"#))
        #expect(output.text(at: "index.html")!.contains(#"<p>Browse by: <a href="./tags/">Tags</a> · <a href="./severity/">Severity</a> · <a href="./status/">Status</a> · <a href="./category/">Category</a> · <a href="./industry/">Industry</a> · <a href="./jurisdiction/">Jurisdiction</a></p>"#))
    }

    @Test func siteSettingsChooseTheFacets() throws {
        let output = try site(settings: "facets: [ai_provider, Severity]\nbase_url: https://example.org/\n").buildInMemory()
        #expect(output.files["ai-provider/acme/index.html"] != nil)
        #expect(output.files["severity/low/index.html"] != nil)
        #expect(output.files["category/index.html"] == nil)
        #expect(output.text(at: "index.html")!.contains(#"<a href="./ai-provider/">AI provider</a> · <a href="./severity/">Severity</a>"#))
        // Each value has a feed.
        let feed = try #require(output.text(at: "severity/low/feed.xml"))
        #expect(feed.contains("<title>Incidents: Severity Low</title>"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 2)

        let none = try site(settings: "facets: []\n").buildInMemory()
        #expect(none.files.keys.allSatisfy { !$0.hasPrefix("severity/") && !$0.hasPrefix("category/") })
        #expect(!none.text(at: "index.html")!.contains("Browse by"))
    }

    @Test func unknownFacetsAndClashingPagesAreErrors() throws {
        #expect(try site(settings: "facets: [severity, sevrity, colour]\n").buildErrors() == [
            "site.yml:1:20: facets[1]: \"sevrity\" is not a field incidents can be browsed by (did you mean severity?), expected some of severity, status, category, industry, jurisdiction, ai_provider, application_type, harm_type, litigation_status, regulatory_body",
            "site.yml:1:29: facets[2]: \"colour\" is not a field incidents can be browsed by, expected some of severity, status, category, industry, jurisdiction, ai_provider, application_type, harm_type, litigation_status, regulatory_body",
        ])
        let clash = try site()
        try clash.write("content/pages/status.md", "---\ntitle: Service status\n---\nAll good.\n")
        #expect(clash.buildErrors() == [
            "content/pages/status.md:1:1: would overwrite the generated page status/index.html, expected another file name (or a slug: key)",
        ])
    }
}
