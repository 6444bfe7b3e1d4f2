import Foundation
import Testing
@testable import IncidentsCore

/// The pipeline kept between runs, as `serve` keeps it: a run after edits writes few
/// pages, and its output equals a full build's.
@Suite struct IncrementalBuildTests {
    /// 30 incidents over three years, five tags, five per page.
    private func makeSite() throws -> TestSite {
        // base_url, so that feeds, sitemap and data files are rebuilt too.
        var files = ["site.yml": "title: Incremental\nper_page: 5\nbase_url: https://example.org/\n"]
        let tags = ["privacy", "Bias", "chatbot", "AI_safety", "ai-safety"]
        for number in 1...30 {
            let year = 2020 + number % 3
            let chosen = [tags[number % 5], tags[(number * 3) % 5]]
            files["content/incidents/\(year)/case-\(number).md"] = incidentFile(
                title: "Case \(number)", severity: ["low", "medium", "high", "critical"][number % 4],
                dateReported: "\(year)-0\(number % 9 + 1)-1\(number % 9)",
                extra: "tags: [\(chosen.joined(separator: ", "))]", body: "Body of case \(number).\n")
        }
        return try TestSite(files)
    }

    private func assertSameAsFullBuild(_ site: TestSite, _ output: MemoryOutput) throws {
        let full = try site.buildInMemory()
        #expect(output.files.keys.sorted() == full.files.keys.sorted())
        for (path, bytes) in full.files where output.files[path] != bytes {
            Issue.record("\(path) differs from a full build")
        }
    }

    @Test func editsRewriteOnlyAffectedPagesAndMatchAFullBuild() throws {
        let site = try makeSite()
        let output = MemoryOutput()
        let build = Pipeline(Pipeline.Options(sourcePath: site.root))
        let first = try build.run(into: output)
        #expect(first.incidents == 30)
        try assertSameAsFullBuild(site, output)

        // A body edit: the incident's page, the lists that show its card, the data
        // downloads and sitemap, the feeds it is in (site, JSON, its two tags', its facet
        // values'), and its facet values' pages.
        let path = "content/incidents/2021/case-7.md"
        let original = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
        try site.write(path, original.replacingOccurrences(of: "Body of case 7.", with: "A new body."))
        let bodyEdit = try build.run(changes: [path], into: output)
        #expect(bodyEdit.written.contains("incidents/case-7/index.html"))
        #expect(bodyEdit.written.count <= 16, "\(bodyEdit.written)")
        #expect(bodyEdit.written.contains("incidents.json") && bodyEdit.written.contains("feed.xml"))
        #expect(bodyEdit.removed.isEmpty)
        try assertSameAsFullBuild(site, output)

        // A date change moves the incident across index pages.
        try site.write(path, original.replacingOccurrences(of: "date_reported: 2021", with: "date_reported: 2025"))
        try build.run(changes: [path], into: output)
        try assertSameAsFullBuild(site, output)

        // A tag spelling that changes a tag's display name, and a new tag.
        try site.write(path, original.replacingOccurrences(of: "tags: [", with: "tags: [AI_Safety, brand-new, "))
        try build.run(changes: [path], into: output)
        try assertSameAsFullBuild(site, output)

        // A new incident, then a deleted one (its page and an emptied tag disappear).
        try site.write("content/incidents/2024/fresh.md", incidentFile(title: "Fresh", extra: "tags: [lonely]"))
        try build.run(changes: ["content/incidents/2024/fresh.md"], into: output)
        #expect(output.text(at: "tags/lonely/index.html") != nil)
        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/2024/fresh.md")
        let deletion = try build.run(changes: ["content/incidents/2024/fresh.md"], into: output)
        // 31 incidents needed a seventh index page; 30 do not.
        #expect(deletion.removed == ["incidents/fresh/index.html", "incidents/fresh/index.json", "page/7/index.html", "tags/lonely/feed.xml", "tags/lonely/index.html"])
        try assertSameAsFullBuild(site, output)
    }

    /// The data files' kept records carry each incident's address: a new `base_url`
    /// must not leave the old one in `incidents.json` and `incidents.csv`.
    @Test func aNewBaseURLReachesTheKeptRecords() throws {
        let site = try TestSite([
            "site.yml": "title: Kept\nbase_url: https://one.example/\n",
            "content/incidents/a.md": incidentFile(title: "Alpha"),
        ])
        let output = MemoryOutput()
        let kept = Pipeline(Pipeline.Options(sourcePath: site.root, keepsRenderedParts: true))
        try kept.run(into: output)
        try site.write("site.yml", "title: Kept\nbase_url: https://two.example/\n")
        try kept.run(changes: ["site.yml"], into: output)
        let full = try site.buildInMemory()
        for path in ["incidents.json", "incidents.csv", "incidents/a/index.json"] {
            #expect(output.text(at: path) == full.text(at: path), "\(path)")
            #expect(output.text(at: path)?.contains("https://two.example/incidents/a/") == true, "\(path)")
        }
    }

    /// Each kind of edit, one after another, on a pipeline kept as serve keeps it: some
    /// update the model in place (a body, a summary, a source), others move the
    /// incident (a facet value, severity, draft, an error and its fix); after each the
    /// output equals a full build.
    @Test func everyKindOfEditMatchesAFullBuild() throws {
        let site = try makeSite()
        let output = MemoryOutput()
        let build = Pipeline(Pipeline.Options(sourcePath: site.root, keepsRenderedParts: true))
        try build.run(into: output)
        let path = "content/incidents/2021/case-4.md"
        let original = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
        let edits: [(String, String)] = [
            ("body", original.replacingOccurrences(of: "Body of case 4.", with: "A [link](../case-5/) and more.")),
            ("summary", original.replacingOccurrences(of: "title:", with: "summary: A new summary.\ntitle:")),
            ("source", original.replacingOccurrences(of: "title:", with: "sources:\n  - title: A report\n    url: https://example.org/r\ntitle:")),
            ("category", original.replacingOccurrences(of: "title:", with: "category: Privacy\ntitle:")),
            ("another category", original.replacingOccurrences(of: "title:", with: "category: Safety\ntitle:")),
            ("severity", original.replacingOccurrences(of: "severity: low", with: "severity: high")),
            ("tag order", original.replacingOccurrences(of: "tags: [ai-safety, chatbot]", with: "tags: [chatbot, ai-safety]")),
            ("draft", original.replacingOccurrences(of: "title:", with: "draft: true\ntitle:")),
            ("published again", original),
            ("an error", original.replacingOccurrences(of: "severity: low", with: "severity: hgh")),
            ("its fix", original.replacingOccurrences(of: "Body of case 4.", with: "Fixed.")),
        ]
        for (what, text) in edits {
            #expect(text != original || what == "published again", "the \(what) edit changes nothing")
            try site.write(path, text)
            do {
                try build.run(changes: [path], into: output)
            } catch {
                #expect(what == "an error", "\(what): \(error)")
                continue
            }
            let full = try site.buildInMemory()
            #expect(output.files.keys.sorted() == full.files.keys.sorted(), "after the \(what) edit")
            for (file, bytes) in full.files where output.files[file] != bytes {
                Issue.record("after the \(what) edit, \(file) differs from a full build")
            }
        }
    }

    @Test func anInvalidEditChangesNothing() throws {
        let site = try makeSite()
        let output = MemoryOutput()
        let build = Pipeline(Pipeline.Options(sourcePath: site.root))
        try build.run(into: output)
        let before = output.files
        try site.write("content/incidents/2020/case-3.md", "---\ntitle: Broken\nseverity: hgh\n---\n")
        #expect(throws: BuildFailure.self) { try build.run(changes: ["content/incidents/2020/case-3.md"], into: output) }
        #expect(output.files == before)
    }

    @Test func templateChangesRebuildEverything() throws {
        let site = try makeSite()
        let output = MemoryOutput()
        let build = Pipeline(Pipeline.Options(sourcePath: site.root))
        try build.run(into: output)
        try site.write("templates/footer.mustache", "<p>New footer</p>\n")
        let report = try build.run(changes: ["templates/footer.mustache"], into: output)
        #expect(report.written.count == output.files.count)
        #expect(output.text(at: "index.html")?.contains("<p>New footer</p>") == true)
        try assertSameAsFullBuild(site, output)
    }
}

@Suite struct RenderCacheTests {
    /// Past its budget, a cache renders instead of keeping: memory stops growing, and
    /// every caller still gets the value.
    @Test func valuesPastTheBudgetAreRenderedEachTime() {
        let cache = RenderCache<String>(budget: 10, cost: { $0.utf8.count })
        var renders = 0
        for _ in 0..<3 {
            for key in 0..<4 {
                let value = cache.value(key: key) { renders += 1; return "abcd\(key)" }
                #expect(value == "abcd\(key)")
            }
        }
        // Two values of 5 bytes fit in 10: keys 0 and 1 are rendered once, 2 and 3 each time.
        #expect(renders == 2 + 2 * 3)
    }
}
