import Foundation
import Testing
@testable import IncidentsCore

/// Full-text search with Pagefind: on request, indexed before publication, and a
/// clear note when Pagefind is missing.
@Suite struct SearchTests {
    @Test func searchIndexesIncidentPagesWithFilters() throws {
        let site = try TestSite(fixture: "basic")
        let result = try CommandLineTests().run(["build", "--search", "-v"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("index for search (Pagefind)"), "pagefind-bin is installed by scripts/test.sh")
        for file in ["pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css", "pagefind/pagefind-entry.json", "search/index.html", "assets/search.js"] {
            #expect(FileManager.default.fileExists(atPath: site.output + "/" + file), "\(file)")
        }
        // Only incident pages are indexed, with their severity, tags and facets as filters.
        let entry = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site.output + "/pagefind/pagefind-entry.json"))) as? [String: Any])
        let languages = try #require(entry["languages"] as? [String: [String: Any]])
        #expect(languages.values.first?["page_count"] as? Int == 4)
        let filters = try FileManager.default.contentsOfDirectory(atPath: site.output + "/pagefind/filter")
        #expect(!filters.isEmpty)

        let page = try #require(site.read("search/index.html"))
        #expect(page.contains(#"<script src="../pagefind/pagefind-ui.js" defer></script>"#))
        #expect(page.contains("script-src 'self' 'wasm-unsafe-eval'"), "Pagefind runs WebAssembly")
        #expect(try #require(site.read("index.html")).contains("script-src 'self'; object-src"), "only the search page allows it")
        #expect(page.contains(#"<li><a href="../search/">Search</a></li>"#))
        let incident = try #require(site.read("incidents/alpha/index.html"))
        #expect(incident.contains(#"<article class="incident" data-pagefind-body>"#))
        // Every filter is named by its field's label, as the facts are (Category, Status…).
        #expect(incident.contains(#"data-pagefind-filter="Severity:Critical""#))
        #expect(incident.contains(#"rel="tag" data-pagefind-filter="Tags">AI_safety</a>"#))
    }

    @Test func withoutPagefindTheBuildSucceedsWithANote() throws {
        let site = try TestSite(fixture: "basic")
        try site.write("site.yml", "title: No search here\nsearch: true\n")
        let result = try CommandLineTests().run(["build"], in: site.root, environment: ["INCIDENTS_PAGEFIND": "/nonexistent/pagefind"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("note: search: Pagefind was not found (pip install pagefind-bin, or set INCIDENTS_PAGEFIND); the site has no full-text search, the index filter still works"))
        #expect(!FileManager.default.fileExists(atPath: site.output + "/pagefind"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/filter-index.json"))
    }

    @Test func withoutSearchThePolicyStaysStrict() throws {
        let page = try #require(try TestSite(fixture: "basic").buildInMemory().text(at: "index.html"))
        #expect(page.contains("script-src 'self'; object-src 'none'"))
        #expect(!page.contains("search/"))
    }
}
