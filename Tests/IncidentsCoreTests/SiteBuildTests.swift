import Foundation
import Testing
@testable import IncidentsCore

/// The fixture site built end to end, checked as a reader would see it.
@Suite struct SiteBuildTests {
    @Test func writesEveryPage() throws {
        let site = try TestSite(fixture: "basic")
        let summary = try site.build()
        #expect(summary.incidents == 4)
        #expect(summary.tags == 4)
        #expect(site.outputFiles() == [
            ".incidents-output",
            "404.html",
            "CNAME",
            "about/index.html",
            "assets/favicon.svg",
            "assets/filter.js",
            "assets/style.css",
            "category/index.html",
            "category/privacy/index.html",
            "filter-index.json",
            "images/logo.txt",
            "incidents.csv",
            "incidents.json",
            "incidents/alpha/index.html",
            "incidents/alpha/index.json",
            "incidents/beta/index.html",
            "incidents/beta/index.json",
            "incidents/custom-epsilon/index.html",
            "incidents/custom-epsilon/index.json",
            "incidents/gamma/index.html",
            "incidents/gamma/index.json",
            "index.html",
            "industry/index.html",
            "jurisdiction/index.html",
            "page/2/index.html",
            "schema/incident.schema.json",
            "severity/critical/index.html",
            "severity/high/index.html",
            "severity/index.html",
            "severity/low/index.html",
            "severity/medium/index.html",
            "stats/index.html",
            "status/index.html",
            "status/ongoing/index.html",
            "tags/ai-safety/index.html",
            "tags/chatbot/index.html",
            "tags/index.html",
            "tags/privacy/index.html",
            "tags/zürich/index.html",
        ])
    }

    @Test func indexIsNewestFirstAndPaginated() throws {
        let site = try TestSite(fixture: "basic")
        try site.build()
        let first = try #require(site.read("index.html"))
        let second = try #require(site.read("page/2/index.html"))
        #expect(links(in: first).filter { $0.hasPrefix("./incidents/") } == ["./incidents/alpha/", "./incidents/gamma/"])
        #expect(links(in: second).filter { $0.hasPrefix("../../incidents/") } == ["../../incidents/beta/", "../../incidents/custom-epsilon/"])
        #expect(first.contains(#"<a href="./page/2/" rel="next">Older →</a>"#))
        #expect(second.contains(#"<a href="../../" rel="prev">← Newer</a>"#))
        #expect(first.contains("4 incidents · page 1 of 2"))
        #expect(!first.contains("Delta draft"))
    }

    @Test func incidentPageShowsWhatTheSeedShows() throws {
        let site = try TestSite(fixture: "basic")
        try site.build()
        let page = try #require(site.read("incidents/alpha/index.html"))
        #expect(page.contains(#"<a href="../../">← Back to incidents</a>"#))
        #expect(page.contains("<h1>Alpha incident</h1>"))
        #expect(page.contains(#"<a class="badge-link" href="../../severity/critical/"><span class="badge severity-critical"><span class="visually-hidden">Severity: </span>Critical</span></a>"#))
        #expect(page.contains(#"<p class="summary">The first incident of the fixture.</p>"#))
        #expect(page.contains(#"<dt>Status</dt><dd><a href="../../status/ongoing/" data-pagefind-filter="Status">Ongoing</a></dd>"#))
        #expect(page.contains(#"<dt>Date occurred</dt><dd><time datetime="2024-03-01">Mar 1, 2024</time></dd>"#))
        #expect(page.contains("<dt>Human review in place</dt><dd>No</dd>"))
        #expect(page.contains("<dt>Litigation filed</dt><dd>Yes</dd>"))
        #expect(!page.contains("<dt>Industry</dt>"))
        #expect(page.contains(#"<a href="../../tags/ai-safety/" rel="tag" data-pagefind-filter="Tags">AI_safety</a>"#))
        #expect(page.contains(#"<a href="https://example.org/alpha">Alpha story</a>"#))
        #expect(page.contains("Example News · Mar 5, 2024 · news"))
        #expect(page.contains(#"<meta charset="utf-8">"#))
        #expect(page.contains(#"<html lang="en">"#))
        #expect(page.contains(#"<p class="fixture-footer">Fixture footer for Fixture Register</p>"#))
    }

    @Test func tagPagesListExactlyTheirIncidents() throws {
        let site = try TestSite(fixture: "basic")
        try site.build()
        func incidents(onTag slug: String) throws -> [String] {
            let page = try #require(site.read("tags/\(slug)/index.html"))
            return links(in: page).filter { $0.hasPrefix("../../incidents/") }
        }
        #expect(try incidents(onTag: "ai-safety") == ["../../incidents/alpha/", "../../incidents/beta/"])
        #expect(try incidents(onTag: "chatbot") == ["../../incidents/beta/"])
        #expect(try incidents(onTag: "zürich") == ["../../incidents/custom-epsilon/"])
        let overview = try #require(site.read("tags/index.html"))
        #expect(overview.contains(#"<a href="../tags/z%C3%BCrich/">Zürich</a> <span class="tag-count">1"#))
        #expect(overview.contains(#"<a href="../tags/ai-safety/">AI_safety</a> <span class="tag-count">2"#))
    }

    @Test func draftsOnlyWithTheFlag() throws {
        let site = try TestSite(fixture: "basic")
        let summary = try site.build(drafts: true)
        #expect(summary.incidents == 5)
        #expect(site.read("incidents/delta/index.html") != nil)
    }

    @Test func everyInternalLinkResolves() throws {
        let site = try TestSite(fixture: "basic")
        try site.build()
        let broken = brokenLinks(in: site.output)
        #expect(broken.isEmpty, "\(broken)")
    }

    @Test func parallelAndSequentialBuildsAreByteIdentical() throws {
        let site = try TestSite(fixture: "basic")
        let parallel = try site.buildInMemory(parallel: true).files
        let sequential = try site.buildInMemory(parallel: false).files
        #expect(parallel == sequential)
        #expect(parallel.count > 10)
    }

    @Test func siteWithoutTemplatesFolderUsesTheBuiltInTheme() throws {
        let site = try TestSite(["content/incidents/one.md": incidentFile(title: "Only one")])
        try site.build()
        let index = try #require(site.read("index.html"))
        #expect(index.contains("<title>Incidents</title>"))
        #expect(index.contains("Only one"))
        #expect(index.contains("Built with incidents."))
    }
}

/// Every `href` and `src` in a page, in order.
func links(in html: String) -> [String] {
    var found: [String] = []
    for attribute in [" href=\"", " src=\""] {
        var rest = html[...]
        while let start = rest.firstRange(of: attribute) {
            let afterQuote = rest[start.upperBound...]
            guard let end = afterQuote.firstIndex(of: "\"") else { break }
            found.append(String(afterQuote[..<end]))
            rest = afterQuote[end...]
        }
    }
    // Keep document order: sort by position is not needed for single-attribute checks.
    return found
}

/// Internal links in the HTML files under `root` that point at no file, as "page -> link".
/// Links that lead nowhere in the built site at `root`. Absolute paths (the 404 page's)
/// are resolved from `sitePath`, where the site is published.
func brokenLinks(in root: String, sitePath: String = "/") -> [String] {
    let fileManager = FileManager.default
    var broken: [String] = []
    let enumerator = fileManager.enumerator(atPath: root)
    while let path = enumerator?.nextObject() as? String {
        guard path.hasSuffix(".html"), let html = try? String(contentsOfFile: root + "/" + path, encoding: .utf8) else { continue }
        let folder = URL(fileURLWithPath: root + "/" + path).deletingLastPathComponent()
        for link in links(in: html) {
            if link.hasPrefix("http:") || link.hasPrefix("https:") || link.hasPrefix("mailto:") { continue }
            let withoutFragment = String(link.prefix { $0 != "#" })
            if withoutFragment.isEmpty { continue }
            let decoded = withoutFragment.removingPercentEncoding ?? withoutFragment
            let base = decoded.hasPrefix(sitePath) ? URL(fileURLWithPath: root) : folder
            let relative = decoded.hasPrefix(sitePath) ? String(decoded.dropFirst(sitePath.count)) : decoded
            var target = base.appendingPathComponent(relative).standardizedFileURL.path
            if decoded.hasSuffix("/") || decoded == "." || decoded == ".." || relative.isEmpty { target += "/index.html" }
            var isDirectory: ObjCBool = false
            if !fileManager.fileExists(atPath: target, isDirectory: &isDirectory) || isDirectory.boolValue {
                broken.append("\(path) -> \(link)")
            }
        }
    }
    return broken.sorted()
}
