import Foundation
import Testing
@testable import IncidentsCore

/// What an incident page offers beyond its own facts: neighbours, related
/// incidents, a citation, and metadata for link previews and search engines.
@Suite struct IncidentPageTests {
    func build(baseURL: Bool = true) throws -> MemoryOutput {
        let site = try TestSite(fixture: "basic")
        if baseURL {
            let settings = try String(contentsOfFile: site.root + "/site.yml", encoding: .utf8)
            try site.write("site.yml", settings + "base_url: https://example.org/register/\n")
        }
        return try site.buildInMemory()
    }

    @Test func newerAndOlderFollowTheListing() throws {
        let output = try build()
        // The listing: alpha, gamma, beta, custom-epsilon (newest first).
        let gamma = try #require(output.text(at: "incidents/gamma/index.html"))
        #expect(gamma.contains(#"<li class="newer"><a href="../../incidents/alpha/" rel="prev"><span>← Newer</span> Alpha incident</a></li>"#))
        #expect(gamma.contains(#"<li class="older"><a href="../../incidents/beta/" rel="next"><span>Older →</span> Beta incident</a></li>"#))
        let alpha = try #require(output.text(at: "incidents/alpha/index.html"))
        #expect(!alpha.contains(#"class="newer""#))
        let last = try #require(output.text(at: "incidents/custom-epsilon/index.html"))
        #expect(!last.contains(#"class="older""#) && last.contains(#"class="newer""#))
    }

    @Test func relatedIncidentsShareTags() throws {
        let output = try build()
        // alpha (Privacy, AI_safety) and beta (ai-safety, chatbot) share one tag.
        let alpha = try #require(output.text(at: "incidents/alpha/index.html"))
        #expect(alpha.contains(#"<h2 id="related-heading">Related incidents</h2>"#))
        #expect(alpha.contains(#"<li><a href="../../incidents/beta/">Beta incident</a>"#))
        // gamma has no tags, so nothing is related.
        #expect(!(try #require(output.text(at: "incidents/gamma/index.html"))).contains("related-heading"))
    }

    @Test func relatedRanksBySharedTagsThenDate() throws {
        var files: [String: String] = [:]
        func add(_ slug: String, _ date: String, _ tags: String) {
            files["content/incidents/\(slug).md"] = "---\ntitle: \(slug)\nseverity: low\ndate_reported: \(date)\ntags: [\(tags)]\n---\n"
        }
        add("subject", "2024-06-01", "a, b, c")
        add("two-shared", "2010-01-01", "a, b")
        add("one-near", "2024-05-01", "c")
        add("one-far", "2015-01-01", "a")
        add("unrelated", "2024-06-02", "z")
        for number in 1...5 { add("filler-\(number)", "2000-01-0\(number)", "c") }
        let site = try TestSite(files)
        let page = try #require(try site.buildInMemory().text(at: "incidents/subject/index.html"))
        let section = try #require(page.components(separatedBy: "related-heading").last?
            .components(separatedBy: "</section>").first)
        let titles = section.components(separatedBy: "<li><a href=\"../../incidents/").dropFirst()
            .compactMap { $0.components(separatedBy: "/\">").first }
        #expect(Array(titles.prefix(5)) == ["two-shared", "one-near", "one-far", "filler-5", "filler-4"])
        #expect(!section.contains("unrelated"))
    }

    @Test func citationInPlainTextAndBibTeX() throws {
        let alpha = try #require(try build().text(at: "incidents/alpha/index.html"))
        #expect(alpha.contains(#"<p class="cite-text">Fixture Register. &quot;Alpha incident.&quot; Incident report, severity critical, reported Mar 5, 2024. https://example.org/register/incidents/alpha/</p>"#))
        #expect(alpha.contains("""
        <pre><code>@misc{incident-alpha,
          title = {{Alpha incident}},
          author = {{Fixture Register}},
          year = 2024,
          month = mar,
          howpublished = {\\url{https://example.org/register/incidents/alpha/}},
          note = {Incident report, severity critical}
        }</code></pre>
        """))
        #expect(Citation.escape(##"R&D: 50% of #1 {fast_path} ~ $5 ^ \"##) == ##"R\&D: 50\% of \#1 \{fast\_path\} \textasciitilde{} \$5 \textasciicircum{} \textbackslash{}"##)
        // Without base_url there is no address worth citing.
        let local = try #require(try build(baseURL: false).text(at: "incidents/alpha/index.html"))
        #expect(local.contains("reported Mar 5, 2024.</p>") && !local.contains("howpublished"))
    }

    @Test func previewMetadataAndStructuredData() throws {
        let alpha = try #require(try build().text(at: "incidents/alpha/index.html"))
        #expect(alpha.contains(#"<link rel="canonical" href="https://example.org/register/incidents/alpha/">"#))
        #expect(alpha.contains(#"<meta property="og:title" content="Alpha incident">"#))
        #expect(alpha.contains(#"<meta property="og:description" content="The first incident of the fixture.">"#))
        #expect(alpha.contains(#"<meta property="article:tag" content="AI_safety">"#))
        #expect(alpha.contains(#"<meta name="twitter:card" content="summary">"#))
        let start = try #require(alpha.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(alpha.range(of: "</script>", range: start.upperBound..<alpha.endIndex))
        let data = try #require(JSONSerialization.jsonObject(with: Data(alpha[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        #expect(data["@type"] as? String == "Report")
        #expect(data["headline"] as? String == "Alpha incident")
        #expect(data["datePublished"] as? String == "2024-03-05")
        #expect(data["temporalCoverage"] as? String == "2024-03-01")
        #expect(data["url"] as? String == "https://example.org/register/incidents/alpha/")
        #expect((data["publisher"] as? [String: String])?["name"] == "Fixture Register")
        #expect(data["keywords"] as? [String] == ["Privacy", "AI_safety"])
        #expect(((data["citation"] as? [[String: String]])?.first)?["url"] == "https://example.org/alpha")

        let local = try #require(try build(baseURL: false).text(at: "incidents/alpha/index.html"))
        #expect(!local.contains("canonical") && !local.contains("og:url"))
    }
}
