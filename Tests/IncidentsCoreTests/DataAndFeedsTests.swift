import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import IncidentsCore

/// What researchers and feed readers download: parsed back as they would parse it.
@Suite struct DataAndFeedsTests {
    /// The basic fixture, published at a base URL so feeds are written.
    func publishedSite(themeFooter: Bool = false) throws -> (TestSite, MemoryOutput) {
        let site = try TestSite(fixture: "basic")
        if themeFooter { try FileManager.default.removeItem(atPath: site.root + "/templates/footer.mustache") }
        let settings = try String(contentsOfFile: site.root + "/site.yml", encoding: .utf8)
        try site.write("site.yml", settings + "base_url: https://example.org/register\n")
        return (site, try site.buildInMemory())
    }

    @Test func incidentsJSONHasEveryFieldAndBothBodies() throws {
        let (_, output) = try publishedSite()
        let document = try #require(JSONSerialization.jsonObject(with: Data(output.files["incidents.json"]!)) as? [String: Any])
        #expect(document["count"] as? Int == 4)
        let incidents = try #require(document["incidents"] as? [[String: Any]])
        #expect(incidents.map { $0["slug"] as? String } == ["alpha", "gamma", "beta", "custom-epsilon"])
        let alpha = incidents[0]
        #expect(alpha["url"] as? String == "https://example.org/register/incidents/alpha/")
        #expect(alpha["severity"] as? String == "critical")
        #expect(alpha["date_occurred"] as? String == "2024-03-01")
        #expect(alpha["human_review"] as? Bool == false)
        #expect(alpha["litigation_filed"] as? Bool == true)
        #expect(alpha["tags"] as? [String] == ["Privacy", "AI_safety"])
        let source = try #require((alpha["sources"] as? [[String: Any]])?.first)
        #expect(source["url"] as? String == "https://example.org/alpha" && source["type"] as? String == "news")
        #expect((alpha["body_markdown"] as? String)?.hasPrefix("## What happened\n") == true)
        #expect((alpha["body_html"] as? String)?.hasPrefix("<h2>What happened</h2>") == true)
        #expect(incidents[1]["industry"] is NSNull, "absent fields are null, not missing")
    }

    @Test func incidentsCSVParsesBackWithRFC4180Quoting() throws {
        let site = try TestSite([
            "content/incidents/quoted.md": """
            ---
            title: 'A "quoted", comma title'
            severity: high
            date_reported: 2024-01-02
            summary: "First line\\nsecond line"
            tags: [one, two words]
            sources:
              - title: S
                url: https://example.org/a
              - title: T
                url: https://example.org/b
            ---
            Body
            """,
        ])
        let csv = try #require(try site.buildInMemory().text(at: "incidents.csv"))
        #expect(csv.hasSuffix("\r\n"))
        let rows = Self.parseCSV(csv)
        #expect(rows.count == 2)
        #expect(rows[0] == IncidentRecord.csvColumns)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["title"] == #"A "quoted", comma title"#)
        #expect(row["summary"] == "First line\nsecond line")
        #expect(row["tags"] == "one;two words")
        #expect(row["source_urls"] == "https://example.org/a https://example.org/b")
        #expect(row["url"] == "incidents/quoted/")
        #expect(row["industry"] == "")
    }

    @Test func atomFeedsForTheSiteAndEachTag() throws {
        let (_, output) = try publishedSite()
        let feed = try Self.parseXML(output.files["feed.xml"]!)
        #expect(feed.texts("title").first == "Fixture Register")
        // Newest report first: epsilon 2022-07-01 is last.
        #expect(feed.texts("id").dropFirst() == ["https://example.org/register/incidents/alpha/",
                                                 "https://example.org/register/incidents/gamma/",
                                                 "https://example.org/register/incidents/beta/",
                                                 "https://example.org/register/incidents/custom-epsilon/"])
        #expect(feed.attributes("link").contains { $0["rel"] == "self" && $0["href"] == "https://example.org/register/feed.xml" })
        #expect(feed.attributes("category").contains { $0["term"] == "ai-safety" && $0["label"] == "AI_safety" })
        #expect(feed.attributes("category").contains { $0["term"] == "severity:critical" })
        let content = try #require(feed.texts("content").first)
        #expect(content.contains("<h2>What happened</h2>"), "the full body, as HTML")
        #expect(feed.attributes("content").first?["xml:base"] == "https://example.org/register/incidents/alpha/")

        let tagFeed = try Self.parseXML(output.files["tags/ai-safety/feed.xml"]!)
        #expect(tagFeed.texts("title").first == "Fixture Register: AI_safety")
        #expect(tagFeed.texts("entry-title") == [] && tagFeed.count("entry") == 2)
        #expect(try Self.parseXML(output.files["tags/zürich/feed.xml"]!).count("entry") == 1)
        // List pages point feed readers at their feed.
        #expect(output.text(at: "index.html")!.contains(#"<link rel="alternate" type="application/atom+xml" title="Fixture Register" href="./feed.xml">"#))
    }

    @Test func jsonFeedSitemapAndRobots() throws {
        let (_, output) = try publishedSite()
        let feed = try #require(JSONSerialization.jsonObject(with: Data(output.files["feed.json"]!)) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["feed_url"] as? String == "https://example.org/register/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 4)
        #expect(items[0]["title"] as? String == "Alpha incident")
        #expect(items[0]["date_published"] as? String == "2024-03-05T00:00:00Z")
        #expect(items[0]["tags"] as? [String] == ["Privacy", "AI_safety"])
        #expect((items[0]["content_html"] as? String)?.contains("<h2>What happened</h2>") == true)
        #expect((items[0]["_incidents"] as? [String: String])?["severity"] == "critical")

        let sitemap = try Self.parseXML(output.files["sitemap.xml"]!)
        let locations = sitemap.texts("loc")
        #expect(locations.contains("https://example.org/register/"))
        #expect(locations.contains("https://example.org/register/incidents/alpha/"))
        #expect(locations.contains("https://example.org/register/tags/z%C3%BCrich/"))
        #expect(locations.contains("https://example.org/register/page/2/"))
        #expect(!locations.contains { $0.hasSuffix("404.html") || $0.contains("feed") })
        #expect(output.text(at: "robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/register/sitemap.xml\n")
    }

    @Test func withoutBaseURLFeedsAreLeftOutWithANote() throws {
        let site = try TestSite(fixture: "basic")
        let output = try site.buildInMemory()
        for path in ["feed.xml", "feed.json", "sitemap.xml", "robots.txt", "tags/chatbot/feed.xml"] {
            #expect(output.files[path] == nil, "\(path)")
        }
        #expect(output.files["incidents.json"] != nil && output.files["incidents.csv"] != nil)
        #expect(!output.text(at: "index.html")!.contains("feed.xml"))
        let result = try CommandLineTests().run(["build"], in: site.root)
        #expect(result.stderr.hasPrefix("note: feeds, sitemap.xml and robots.txt need base_url in site.yml; they were not written\n"))
    }

    @Test func notFoundPageFaviconAndFooterLinks() throws {
        let (_, output) = try publishedSite(themeFooter: true)
        let notFound = try #require(output.text(at: "404.html"))
        #expect(notFound.contains("<h1>Page not found</h1>"))
        // Shown at any address, so its links start from the site's path.
        #expect(notFound.contains(#"<a href="/register/">← Back to incidents</a>"#))
        #expect(notFound.contains(#"href="/register/assets/style.css""#))
        #expect(output.text(at: "assets/favicon.svg")?.hasPrefix("<svg") == true)
        let page = try #require(output.text(at: "incidents/alpha/index.html"))
        #expect(page.contains(#"<link rel="icon" href="../../assets/favicon.svg" type="image/svg+xml">"#))
        #expect(page.contains(#"<a href="../../incidents.json" type="application/json">all incidents as JSON</a>"#))
        #expect(page.contains(#"<a href="../../incidents.csv" type="text/csv">as CSV</a>"#))
        #expect(page.contains(#"href="../../schema/incident.schema.json""#))
        #expect(page.contains(#"<a href="../../feed.xml" type="application/atom+xml">Atom feed</a>"#))
    }

    @Test func schemaInTheRepositoryIsTheOneTheBuildPublishes() throws {
        let (_, output) = try publishedSite()
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let committed = try String(contentsOf: repository.appendingPathComponent(IncidentSchema.outputPath), encoding: .utf8)
        #expect(output.text(at: IncidentSchema.outputPath) == committed,
                "schema/incident.schema.json is stale: copy it from a built site's public/schema/")
        let translation = try String(contentsOf: repository.appendingPathComponent(IncidentSchema.translationOutputPath), encoding: .utf8)
        #expect(IncidentSchema.translationText == translation, "schema/translation.schema.json is stale: copy it from the demo's public/schema/")
    }

    @Test func schemaAcceptsEveryDemoIncidentAndRejectsABrokenOne() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let files = FileManager.default.enumerator(atPath: repository + "/content/incidents")!
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.map { repository + "/content/incidents/" + $0 }
        // Translations (x.fr.md) have a schema of their own, in which every key is optional.
        let (translations, demo) = (files.filter { $0.hasSuffix(".fr.md") }, files.filter { !$0.hasSuffix(".fr.md") })
        #expect(demo.count >= 18 && translations.count >= 3)
        let good = try Self.validate(demo, repository: repository)
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.hasSuffix("\(demo.count) files, 0 problems\n"))
        let translated = try Self.validate(translations, repository: repository, schema: "translation.schema.json")
        #expect(translated.status == 0, "\(translated.output)")

        let site = try TestSite(["content/incidents/bad.md": "---\ntitle: X\nseverity: catastrophic\ndate_reported: 2024-13-01\ntags: x\n---\n"])
        let bad = try Self.validate([site.root + "/content/incidents/bad.md"], repository: repository)
        #expect(bad.status == 1)
        #expect(bad.output.contains("bad.md: severity: 'catastrophic' does not match"))
        #expect(bad.output.contains("bad.md: date_reported: '2024-13-01' is not valid"))
        #expect(bad.output.contains("bad.md: tags: 'x' is not of type 'array'"))
    }

    // MARK: Reading the files back

    static func validate(_ files: [String], repository: String, schema: String = "incident.schema.json") throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository + "/scripts/validate-front-matter.py", repository + "/schema/" + schema] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\r\n" || character == "\n" {
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.append(character)
            }
        }
        return rows
    }

    /// Element texts and attributes of an XML document, by element name.
    final class ParsedXML: NSObject, XMLParserDelegate {
        private var elements: [(name: String, attributes: [String: String], text: String)] = []
        private var open: [Int] = []

        func texts(_ name: String) -> [String] { elements.filter { $0.name == name }.map(\.text) }
        func attributes(_ name: String) -> [[String: String]] { elements.filter { $0.name == name }.map(\.attributes) }
        func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            open.append(elements.count)
            elements.append((name, attributes, ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }

    static func parseXML(_ bytes: [UInt8]) throws -> ParsedXML {
        let parser = XMLParser(data: Data(bytes))
        let result = ParsedXML()
        parser.delegate = result
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return result
    }
}

/// The index filter's data and hooks; the script itself is exercised in a browser (docs/quality.md).
@Suite struct FilterIndexTests {
    @Test func filterIndexListsEveryIncidentCompactly() throws {
        let site = try TestSite(fixture: "basic")
        let output = try site.buildInMemory()
        let index = try #require(JSONSerialization.jsonObject(with: Data(output.files["filter-index.json"]!)) as? [String: Any])
        let tags = try #require(index["tags"] as? [[String]])
        #expect(tags.map { $0[0] } == ["ai-safety", "chatbot", "privacy", "zürich"])
        let facets = try #require(index["facets"] as? [[String: Any]])
        #expect(facets.map { $0["key"] as? String } == ["status", "category", "industry", "jurisdiction"], "severity has its own list")
        let incidents = try #require(index["incidents"] as? [[Any]])
        #expect(incidents.count == 4)
        let alpha = incidents[0]
        #expect(alpha[0] as? String == "incidents/alpha/" && alpha[1] as? String == "Alpha incident")
        #expect(alpha[3] as? String == "critical" && alpha[4] as? Int == 2024)
        #expect((alpha[7] as? [Int]).map { $0.map { tags[$0][0] } } == ["privacy", "ai-safety"])
        let categories = try #require(facets[1]["values"] as? [[String]])
        #expect((alpha[8] as? [Any]).flatMap { $0[1] as? Int }.map { categories[$0][0] } == "privacy")

        // The index works without the script: the form is hidden, the list is there.
        let page = try #require(output.text(at: "index.html"))
        #expect(page.contains(#"<form id="filter" class="filter" role="search" aria-label="Filter incidents" data-root="./" hidden></form>"#))
        #expect(page.contains(#"<ol id="incident-list" class="incident-list">"#))
        #expect(page.contains(#"<script src="./assets/filter.js" defer></script>"#))
        #expect(output.text(at: "assets/filter.js")?.contains("textContent") == true)
        #expect(!(try #require(output.text(at: "incidents/alpha/index.html"))).contains("filter.js"))
    }
}
