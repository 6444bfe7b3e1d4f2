import Testing
@testable import IncidentsCore

/// Hostile front matter never becomes markup: every value is HTML-escaped.
@Suite struct EscapingTests {
    @Test func hostileValuesAreEscapedEverywhere() throws {
        let hostile = #"<script>alert('x')</script>"#
        let site = try TestSite([
            "content/incidents/evil.md": """
            ---
            title: "\(hostile) & co"
            severity: high
            date_reported: 2024-01-01
            summary: '" onmouseover="alert(1)'
            category: "<img src=x onerror=alert(1)>"
            tags: ["<b>bold</b>"]
            sources:
              - title: "</cite><script>x</script>"
                publisher: "<i>pub</i>"
                url: "https://example.org/?q=\\"><script>"
            ---
            Body.
            """,
        ])
        let output = try site.buildInMemory()
        for (path, bytes) in output.files where path.hasSuffix(".html") {
            let html = try HostileInputTests.withoutStructuredData(String(decoding: bytes, as: UTF8.self))
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<img"), "\(path)")
            #expect(!html.contains("<b>bold"), "\(path)")
            #expect(!html.contains("\" onmouseover"), "\(path)")
        }
        let page = try #require(output.text(at: "incidents/evil/index.html"))
        #expect(page.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</h1>"))
        #expect(page.contains(#"<meta name="description" content="&quot; onmouseover=&quot;alert(1)">"#))
        #expect(page.contains(#"<a href="https://example.org/?q=&quot;&gt;&lt;script&gt;">"#))
    }
}
