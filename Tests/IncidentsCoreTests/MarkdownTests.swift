import Testing
@testable import IncidentsCore

/// The GFM extensions and the safe default, as readers see them in the HTML.
@Suite struct MarkdownTests {
    let markdown = MarkdownRenderer()

    @Test func tableAlignmentBecomesClasses() {
        let html = markdown.render("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains(#"<th class="align-left">a</th>"#))
        #expect(html.contains(#"<td class="align-center">2</td>"#))
        #expect(html.contains(#"<td class="align-right">3</td>"#))
        #expect(!html.contains("align=") && !html.contains("style="))
    }

    @Test func strikethroughAutolinkAndTaskList() {
        let html = markdown.render("~~gone~~ see https://example.org\n\n- [x] done\n- [ ] open\n")
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains(#"<a href="https://example.org">https://example.org</a>"#))
        #expect(html.contains(#"<li class="task"><input type="checkbox" checked="" disabled="" aria-label="done" /> done</li>"#))
        #expect(html.contains(#"<li class="task"><input type="checkbox" disabled="" aria-label="to do" /> open</li>"#))
        // In a loose list the checkbox sits in a paragraph; it is still labelled.
        let loose = markdown.render("- [x] first\n\n- [ ] second\n")
        #expect(loose.contains(#"<input type="checkbox" checked="" disabled="" aria-label="done" />"#))
        #expect(loose.contains(#"<input type="checkbox" disabled="" aria-label="to do" />"#))
    }

    @Test func footnotes() {
        let html = markdown.render("Claim.[^1]\n\n[^1]: The source.\n")
        #expect(html.contains(#"<section class="footnotes""#))
        #expect(html.contains("The source."))
        #expect(html.contains(##"href="#fn-1""##))
    }

    @Test func rawHTMLAndScriptLinksAreDroppedByDefault() {
        let html = markdown.render("""
        <script>alert(1)</script>

        <img src=x onerror=alert(1)>

        [click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) ![img](vbscript:x)
        """)
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text/html"))
        #expect(!html.contains("vbscript:"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func dataURLsNeverReachThePage() {
        let html = markdown.render("""
        ![pixel](data:image/png;base64,iVBORw0KGgo=) [doc](DATA:text/plain,hi) <data:image/gif;base64,R0lGOD>

        [ref]: data:image/webp;base64,UklGR

        [by reference][ref] and a plain [link](https://example.org/data:x)
        """)
        #expect(!html.lowercased().contains(#"href="data:"#))
        #expect(!html.lowercased().contains(#"src="data:"#))
        #expect(html.contains(#"<a href="">doc</a>"#))
        #expect(html.contains(#"<img src="" alt="pixel" />"#))
        #expect(html.contains(#"<a href="https://example.org/data:x">link</a>"#))
    }

    @Test func unsafeModeLetsTrustedHTMLThroughButStillFiltersTags() {
        let html = MarkdownRenderer(allowRawHTML: true).render("<kbd>Ctrl</kbd>\n\n<script>x</script>\n")
        #expect(html.contains("<kbd>Ctrl</kbd>"))
        // The tagfilter extension still neutralises <script> even for trusted editors.
        #expect(html.contains("&lt;script>"))
    }
}

@Suite struct ParallelMarkdownTests {
    /// cmark-gfm shares its inline special-character table between parsers; rendering
    /// many documents at once must still find every autolink and strikethrough.
    @Test func parallelRenderingKeepsEveryExtension() {
        let renderer = MarkdownRenderer()
        let results = Parallel.map(Array(0..<400)) { number in
            renderer.render("Item \(number): see https://example.org/\(number) and ~~old~~ text | not a table\n")
        }
        for (number, html) in results.enumerated() {
            #expect(html.contains(#"<a href="https://example.org/\#(number)">"#))
            #expect(html.contains("<del>old</del>"))
        }
    }
}
