import Foundation
import Testing
@testable import IncidentsCore

/// Permanent ids, permalinks, aliases and tombstones (docs/format.md, "Database
/// records"): what readers see, what the data downloads hold, and every error at its
/// file, line and column, the same in build, check and serve.
@Suite struct DatabaseRecordTests {
    /// Three incidents numbered 1–3, one renamed (an alias), one duplicate, one withdrawn.
    static func registry() throws -> TestSite {
        try TestSite([
            "site.yml": "title: Register\nbase_url: https://example.org/register/\n",
            "content/incidents/a.md": incidentFile(title: "Chatbot invents refund policy", dateReported: "2024-02-15",
                                                   extra: "id: 1\naliases: [incidents/old-a/, /legacy/a.html]\ntags: [chatbot]\nsummary: Refunds."),
            "content/incidents/b.md": incidentFile(title: "Robotaxi drags pedestrian", severity: "critical", dateReported: "2023-10-03",
                                                   extra: "id: 2\ntags: [chatbot]"),
            "content/incidents/dup.md": "---\ntitle: Refund chatbot, reported again\nid: 3\nduplicate_of: a\n---\nSee the first report.\n",
            "content/incidents/gone.md": "---\ntitle: A report that was wrong\nid: 4\nwithdrawn: The company showed the screenshots were edited.\ntags: [chatbot]\n---\n",
        ])
    }

    @Test func idsShowOnThePageInCitationsFeedsAndData() throws {
        let site = try Self.registry()
        try site.build()
        let page = try #require(site.read("incidents/a/index.html"))
        #expect(page.contains(#"<p class="incident-id">Incident 1</p>"#))
        #expect(page.contains("Register. &quot;Chatbot invents refund policy.&quot; Incident 1, incident report"))
        #expect(page.contains("number = {1}"))
        let atom = try #require(site.read("feed.xml"))
        #expect(atom.contains("<title>Incident 1: Chatbot invents refund policy</title>"))
        let data = try #require(site.read("incidents.json")).data(using: .utf8)!
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let records = try #require(json["incidents"] as? [[String: Any]])
        #expect(records.map { $0["slug"] as? String } == ["a", "b", "dup", "gone"])
        #expect(records.map { $0["id"] as? Int } == [1, 2, 3, 4])
        #expect(records[0]["aliases"] as? [String] == ["incidents/old-a/", "legacy/a.html"])
        #expect(json["count"] as? Int == 4)
        let csv = try #require(site.read("incidents.csv"))
        #expect(csv.hasPrefix("slug,url,id,title,"))
    }

    @Test func permalinksAndAliasesRedirectWithoutScript() throws {
        let site = try Self.registry()
        try site.build()
        let permalink = try #require(site.read("i/1/index.html"))
        #expect(permalink.contains(#"<meta http-equiv="refresh" content="0; url=../../incidents/a/">"#))
        #expect(permalink.contains(#"<link rel="canonical" href="https://example.org/register/incidents/a/">"#))
        #expect(permalink.contains(#"<a href="../../incidents/a/">"#))
        #expect(!permalink.contains("<script"))
        let alias = try #require(site.read("incidents/old-a/index.html"))
        #expect(alias.contains(#"url=../../incidents/a/""#))
        let file = try #require(site.read("legacy/a.html"))
        #expect(file.contains(#"url=../incidents/a/""#))
        // Tombstones keep their permalinks too; redirects are not pages of the sitemap.
        #expect(site.read("i/3/index.html")?.contains("url=../../incidents/dup/") == true)
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(!sitemap.contains("/i/1/") && !sitemap.contains("old-a") && !sitemap.contains("/incidents/dup/"))
        #expect(sitemap.contains("/incidents/a/"))
    }

    @Test func tombstonesExplainAndLeaveEveryList() throws {
        let site = try Self.registry()
        try site.build()
        let duplicate = try #require(site.read("incidents/dup/index.html"))
        #expect(duplicate.contains(#"This report is a duplicate of <a href="../../incidents/a/">Incident 1: Chatbot invents refund policy</a>"#))
        #expect(duplicate.contains(#"<meta name="robots" content="noindex">"#))
        #expect(!duplicate.contains("data-pagefind-body"))
        let withdrawn = try #require(site.read("incidents/gone/index.html"))
        #expect(withdrawn.contains("This report was withdrawn: The company showed the screenshots were edited."))
        for list in ["index.html", "tags/chatbot/index.html", "severity/high/index.html", "feed.xml", "feed.json", "filter-index.json", "stats/index.html"] {
            let text = try #require(site.read(list), "\(list)")
            #expect(!text.contains("incidents/dup/") && !text.contains("incidents/gone/"), "\(list) lists a tombstone")
        }
        #expect(site.read("tags/index.html")?.contains("2 incidents") == true || site.read("tags/index.html")?.contains(">2<") == true)
        let related = try #require(site.read("incidents/b/index.html"))
        #expect(!related.contains("incidents/dup/") && !related.contains("incidents/gone/"))
    }

    @Test func everyModeAgreesOnRecords() throws {
        let site = try Self.registry()
        #expect(site.errorsInEveryMode() == [])
        let memory = try site.buildInMemory()
        try site.build()
        for path in ["i/1/index.html", "incidents/dup/index.html", "incidents/old-a/index.html", "incidents.json"] {
            #expect(memory.text(at: path) == site.read(path), "\(path)")
        }
    }

    @Test(arguments: [
        // An id that is not a whole number from 1.
        ("id: 0", "content/incidents/a.md:5:5: id: found number 0, expected a whole number from 1, such as 42"),
        ("id: forty", "content/incidents/a.md:5:5: id: found \"forty\", expected a whole number from 1, such as 42"),
        // Aliases outside the site or onto its front page.
        ("aliases: [https://elsewhere.example/x/]", "content/incidents/a.md:5:11: aliases[0]: \"https://elsewhere.example/x/\" leads outside the site, expected an address inside the site such as incidents/old-name/"),
        ("aliases: [../../etc/]", "content/incidents/a.md:5:11: aliases[0]: \"../../etc/\" leads outside the site, expected an address inside the site such as incidents/old-name/"),
        ("aliases: [/]", "content/incidents/a.md:5:11: aliases[0]: \"/\" is the site's front page, expected an address inside the site such as incidents/old-name/"),
        ("aliases: [old?page=2]", "content/incidents/a.md:5:11: aliases[0]: \"old?page=2\" has a query or fragment, expected an address inside the site such as incidents/old-name/"),
        // Both kinds of tombstone at once.
        ("duplicate_of: b\nwithdrawn: Wrong.", "content/incidents/a.md:6:12: withdrawn: is given with duplicate_of, expected one of the two: a duplicate points to the incident it repeats, a withdrawn incident gives a reason"),
    ])
    func badRecordKeysAreErrorsAtTheirPlace(line: String, error: String) throws {
        let site = try TestSite([
            "content/incidents/a.md": incidentFile(extra: line),
            "content/incidents/b.md": incidentFile(title: "Another"),
        ])
        #expect(site.errorsInEveryMode() == [error])
    }

    @Test func idsAreUniqueAndOnEveryIncidentOnceUsed() throws {
        let site = try TestSite([
            "content/incidents/a.md": incidentFile(extra: "id: 7"),
            "content/incidents/b.md": incidentFile(title: "Another", extra: "id: 7"),
            "content/incidents/c.md": incidentFile(title: "Third"),
        ])
        #expect(site.errorsInEveryMode() == [
            "content/incidents/a.md:5:5: id: 7 is also the id of content/incidents/b.md, expected each incident to have its own id (ids are never reused)",
            "content/incidents/b.md:5:5: id: 7 is also the id of content/incidents/a.md, expected each incident to have its own id (ids are never reused)",
            "content/incidents/c.md:1:1: id: missing, expected an id: this site numbers its incidents (the highest in use is 7; `incidents new` assigns the next)",
        ])
    }

    @Test func duplicatesPointToAPublishedIncident() throws {
        let site = try TestSite([
            "content/incidents/a.md": incidentFile(),
            "content/incidents/dup.md": "---\ntitle: Again\nduplicate_of: nowhere\n---\n",
            "content/incidents/dup2.md": "---\ntitle: Again and again\nduplicate_of: dup\n---\n",
            "content/incidents/self.md": "---\ntitle: Myself\nduplicate_of: self\n---\n",
        ])
        #expect(site.errorsInEveryMode() == [
            "content/incidents/dup.md:3:15: duplicate_of: \"nowhere\" names no published incident, expected the slug or id of the incident this one duplicates",
            "content/incidents/dup2.md:3:15: duplicate_of: \"dup\" is itself a tombstone (content/incidents/dup.md), expected the incident it duplicates (perhaps nowhere)",
            "content/incidents/self.md:3:15: duplicate_of: \"self\" is this incident itself, expected the slug or id of the incident it duplicates",
        ])
    }

    @Test func duplicateOfTakesAnId() throws {
        let site = try TestSite([
            "content/incidents/a.md": incidentFile(extra: "id: 12"),
            "content/incidents/dup.md": "---\ntitle: Again\nid: 13\nduplicate_of: 12\n---\n",
        ])
        try site.build()
        #expect(site.read("incidents/dup/index.html")?.contains(#"<a href="../../incidents/a/">Incident 12: A test incident</a>"#) == true)
    }

    @Test func anAliasOntoAGeneratedPageOrAnotherAliasIsRefused() throws {
        let site = try TestSite([
            "content/incidents/a.md": incidentFile(extra: "aliases: [tags/]"),
            "content/incidents/b.md": incidentFile(title: "Another", extra: "aliases: [incidents/a/, old/]"),
            "content/incidents/c.md": incidentFile(title: "Third", extra: "aliases:\n  - old/"),
        ])
        #expect(site.errorsInEveryMode() == [
            "content/incidents/a.md:5:11: would overwrite the generated page tags/index.html, expected an old address that no page of the site uses (or remove the alias)",
            "content/incidents/b.md:5:11: would overwrite the generated page incidents/a/index.html, expected an old address that no page of the site uses (or remove the alias)",
            "content/incidents/b.md:5:25: would write old/index.html, as content/incidents/c.md does too; expected an old address that no page of the site uses (or remove the alias)",
            "content/incidents/c.md:6:5: would write old/index.html, as content/incidents/b.md does too; expected an old address that no page of the site uses (or remove the alias)",
        ])
    }

    @Test func newGivesTheNextFreeId() throws {
        let site = try TestSite([
            "content/incidents/a.md": incidentFile(extra: "id: 41"),
            "content/incidents/b.md": "---\ntitle: Broken\nid: 42\nseverity: hgh\n---\n",
        ])
        let files = try SiteFiles(rootPath: site.root)
        #expect(NewIncident.nextID(in: files) == 43)
        let text = NewIncident.text(title: "Next", severity: .low, tags: [], today: PartialDate(year: 2025)!, id: 43)
        #expect(text.contains("\nid: 43 "))
        let unnumbered = try TestSite(["content/incidents/a.md": incidentFile()])
        #expect(NewIncident.nextID(in: try SiteFiles(rootPath: unnumbered.root)) == nil)
    }

    @Test func anEditThatMakesATombstoneMatchesAFullBuild() throws {
        let site = try Self.registry()
        let pipeline = Pipeline(Pipeline.Options(sourcePath: site.root))
        let kept = MemoryOutput()
        try pipeline.run(into: kept)
        try site.write("content/incidents/b.md", incidentFile(title: "Robotaxi drags pedestrian", severity: "critical", dateReported: "2023-10-03",
                                                              extra: "id: 2\nwithdrawn: Merged into another report."))
        try pipeline.run(changes: ["content/incidents/b.md"], into: kept)
        let fresh = try site.buildInMemory()
        #expect(kept.files == fresh.files)
    }
}

/// Sources as reports of their own: anchors, archived copies, authors, language.
@Suite struct SourceRecordTests {
    static let sources = """
    sources:
      - title: Tribunal decision
        url: https://example.org/decision
        archive_url: https://web.archive.org/web/2024/https://example.org/decision
        authors: [Jane Doe, Ann Lee]
        language: en
      - title: Uitspraak
        archive_url: https://archive.today/abc
        language: nl
      - title: A rumour
    """

    @Test func sourcesHaveAnchorsArchivesAuthorsAndLanguage() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(extra: Self.sources)])
        try site.build()
        let page = try #require(site.read("incidents/a/index.html"))
        #expect(page.contains(#"<li id="source-1"><cite lang="en"><a href="https://example.org/decision">Tribunal decision</a></cite> (<a href="https://web.archive.org/web/2024/https://example.org/decision">archived copy</a>)<br><span class="source-meta">Jane Doe, Ann Lee</span></li>"#))
        #expect(page.contains(#"<li id="source-2"><cite lang="nl"><a href="https://archive.today/abc">Uitspraak</a></cite></li>"#))
        #expect(page.contains(#"<li id="source-3"><cite>A rumour</cite></li>"#))
        let data = try #require(site.read("incidents.json")).data(using: .utf8)!
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let first = try #require(((json["incidents"] as? [[String: Any]])?.first?["sources"] as? [[String: Any]])?.first)
        #expect(first["archive_url"] as? String == "https://web.archive.org/web/2024/https://example.org/decision")
        #expect(first["authors"] as? [String] == ["Jane Doe", "Ann Lee"])
        #expect(first["language"] as? String == "en")
    }

    @Test func checkWarnsOnlyAboutASourceReadersCannotCheck() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(extra: Self.sources)])
        let warnings = SiteChecker.check(rootPath: site.root, includeDrafts: false).diagnostics
            .filter { $0.severity == .warning && $0.key?.hasPrefix("sources") == true }.map(\.description)
        #expect(warnings == ["content/incidents/a.md:14:5: sources[2].url: missing, and no archive_url either; recommended so readers can check the source"])
    }

    @Test func aLanguageMustBeATag() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(extra: "sources:\n  - title: T\n    url: https://example.org\n    language: Dutch")])
        #expect(site.errorsInEveryMode() == ["content/incidents/a.md:8:15: sources[0].language: \"Dutch\" is not a language tag, expected one such as en, nl or pt-BR"])
    }
}

/// Timelines and durations, as status pages show an outage.
@Suite struct TimelineTests {
    static let outage = """
    started: 2024-02-14T09:30:00Z
    resolved: 2024-02-14T13:42:00+01:00
    timeline:
      - date: 2024-02-14T12:42:00+01:00
        text: Fix deployed, **monitoring**
        status: monitoring
      - date: 2024-02-14T09:30:00Z
        text: First reports of wrong answers
        status: investigating
      - date: 2024-02
        text: Vendor says the model was [updated](https://example.org/notes)
      - date: 2023-12
        text: An earlier warning
    """

    @Test func entriesAreOrderedOldestFirstWithTheDuration() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(extra: Self.outage)])
        try site.build()
        let page = try #require(site.read("incidents/a/index.html"))
        // 2023-12 is over before the rest: first. 2024-02 overlaps the times in it:
        // where it was written.
        let earlier = try #require(page.range(of: #"<time datetime="2023-12">Dec 2023</time>"#))
        let month = try #require(page.range(of: #"<time datetime="2024-02">Feb 2024</time>"#))
        let first = try #require(page.range(of: #"<time datetime="2024-02-14T09:30:00Z">Feb 14, 2024, 09:30 UTC</time> <span class="timeline-status">investigating</span>"#))
        let last = try #require(page.range(of: #"<time datetime="2024-02-14T12:42:00+01:00">Feb 14, 2024, 12:42 UTC+01:00</time>"#))
        #expect(earlier.lowerBound < first.lowerBound && first.lowerBound < last.lowerBound && last.lowerBound < month.lowerBound)
        #expect(page.contains(#"<div class="timeline-text">Fix deployed, <strong>monitoring</strong></div>"#))
        // 09:30Z to 13:42+01:00 (12:42Z): 3 h 12 min.
        #expect(page.contains("<div><dt>Duration</dt><dd>3 h 12 min</dd></div>"))
        #expect(page.contains(#"<div><dt>Started</dt><dd><time datetime="2024-02-14T09:30:00Z">Feb 14, 2024, 09:30 UTC</time></dd></div>"#))
        let data = try #require(site.read("incidents.json")).data(using: .utf8)!
        let record = try #require(((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["incidents"] as? [[String: Any]])?.first)
        #expect(record["started"] as? String == "2024-02-14T09:30:00Z")
        #expect((record["timeline"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2023-12", "2024-02-14T09:30:00Z", "2024-02-14T12:42:00+01:00", "2024-02"])
    }

    @Test(arguments: [
        ("started: 2024-02-14T10:00:00Z\nresolved: 2024-02-14T09:00:00Z",
         "content/incidents/a.md:6:11: resolved: 2024-02-14T09:00:00Z is before started (2024-02-14T10:00:00Z), expected the moment it ended"),
        ("started: 2024-02-14 10:00",
         "content/incidents/a.md:5:10: started: found \"2024-02-14 10:00\", expected an RFC 3339 date-time such as 2024-02-14T09:30:00Z or 2024-02-14T10:30+01:00"),
        ("timeline:\n  - date: yesterday\n    text: Something",
         "content/incidents/a.md:6:11: timeline[0].date: found \"yesterday\", expected a date (YYYY, YYYY-MM, YYYY-MM-DD) or an RFC 3339 date-time such as 2024-02-14T09:30:00Z"),
        ("timeline:\n  - date: 2024-02-14",
         "content/incidents/a.md:6:5: timeline[0].text: missing, expected what happened, as one line of Markdown"),
    ])
    func badTimesAreErrorsAtTheirPlace(lines: String, error: String) throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(extra: lines)])
        #expect(site.errorsInEveryMode() == [error])
    }

    @Test func durationsReadAsPeopleSayThem() {
        let english = SiteLanguage(code: "en")
        #expect(english.duration(seconds: 45) == "45 s")
        #expect(english.duration(seconds: 12 * 60 + 30) == "12 min")
        #expect(english.duration(seconds: 3 * 3600) == "3 h")
        #expect(english.duration(seconds: 2 * 86400 + 4 * 3600 + 59) == "2 d 4 h")
        #expect(DateTime(parsing: "2024-02-30T10:00:00Z") == nil)
        #expect(DateTime(parsing: "2024-02-14T10:00:00.250-05:30")?.instant == DateTime(parsing: "2024-02-14T15:30:00.25Z")?.instant)
    }
}

/// One record per file, and "last updated" from git.
@Suite struct RecordFileTests {
    @Test func eachIncidentHasItsRecordBesideItsPage() throws {
        let site = try DatabaseRecordTests.registry()
        try site.build()
        for slug in ["a", "b", "dup", "gone"] {
            let text = try #require(site.read("incidents/\(slug)/index.json"), "\(slug)")
            let record = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(record["slug"] as? String == slug)
            #expect(record["url"] as? String == "https://example.org/register/incidents/\(slug)/")
        }
        let record = try #require(try JSONSerialization.jsonObject(with: Data(site.read("incidents/a/index.json")!.utf8)) as? [String: Any])
        #expect(record["id"] as? Int == 1)
        #expect(record["aliases"] as? [String] == ["incidents/old-a/", "legacy/a.html"])
        #expect(record["published"] as? String == "2024-02-15")
        #expect(record["modified"] is NSNull, "outside a git work tree there is no date")
        #expect(try #require(site.read("incidents/dup/index.json")).contains(#""duplicate_of":"a""#))
    }

    /// The site in a git work tree: each incident's last commit is its `modified` date.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs git at /usr/bin/git"))
    func lastUpdatedComesFromGit() throws {
        let site = try DatabaseRecordTests.registry()
        try site.git(["init", "-q"])
        try site.git(["add", "."])
        try site.git(["commit", "-q", "-m", "first"])
        try site.write("content/incidents/b.md", incidentFile(title: "Robotaxi drags pedestrian", severity: "critical", dateReported: "2023-10-03",
                                                              extra: "id: 2\ntags: [chatbot]\nsummary: Corrected."))
        try site.git(["commit", "-q", "-am", "second"], date: "2024-04-02T08:30:00Z")
        // An edit not committed yet does not count: the same commit builds the same bytes.
        try site.write("content/incidents/a.md", (try String(contentsOfFile: site.root + "/content/incidents/a.md", encoding: .utf8)) + "\nMore.\n")
        try site.build()
        #expect(site.read("incidents/a/index.html")?.contains(#"Last updated <time datetime="2024-03-01T10:00:00+01:00">Mar 1, 2024</time>"#) == true)
        #expect(site.read("incidents/b/index.html")?.contains(#"Last updated <time datetime="2024-04-02T08:30:00+00:00">Apr 2, 2024</time>"#) == true)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(site.read("incidents/b/index.json")!.utf8)) as? [String: Any])
        #expect(record["modified"] as? String == "2024-04-02T08:30:00+00:00")
        #expect(site.read("feed.xml")?.contains("<updated>2024-04-02T08:30:00+00:00</updated>") == true)
        #expect(site.read("sitemap.xml")?.contains("<loc>https://example.org/register/incidents/b/</loc><lastmod>2024-04-02T08:30:00+00:00</lastmod>") == true)
    }
}

/// Entities by role: merged spellings, an overview, a page per entity by role, feeds.
@Suite struct EntityTests {
    static func site() throws -> TestSite {
        try TestSite([
            "site.yml": "title: Register\nbase_url: https://example.org/\nper_page: 2\n",
            "content/incidents/a.md": incidentFile(title: "Chatbot invents refund policy", dateReported: "2024-02-15",
                                                   extra: "deployers: [Air Canada]\ndevelopers: [Example AI]\nharmed_parties: [Jake Moffatt]"),
            "content/incidents/b.md": incidentFile(title: "Chatbot sells a car for a dollar", dateReported: "2023-12-18",
                                                   extra: "deployers: [air-canada]\ndevelopers: [Example AI, Air Canada]"),
            "content/incidents/c.md": incidentFile(title: "Model leaks code", dateReported: "2023-05-02", extra: "developers: [Example AI]"),
        ])
    }

    @Test func entitiesMergeSpellingsAndListIncidentsByRole() throws {
        let site = try Self.site()
        try site.build()
        let overview = try #require(site.read("entities/index.html"))
        #expect(overview.contains(#"<a href="../entities/air-canada/">Air Canada</a>"#))
        #expect(overview.contains(#"<span class="entity-role">Deployer: 2</span> <span class="entity-role">Developer: 1</span>"#))
        let page = try #require(site.read("entities/air-canada/index.html"))
        #expect(page.contains("<h1>Air Canada</h1>"))
        let deployer = try #require(page.range(of: "<h2 id=\"role-deployers\">As deployer</h2>"))
        let developer = try #require(page.range(of: "<h2 id=\"role-developers\">As developer</h2>"))
        #expect(deployer.lowerBound < developer.lowerBound)
        // Incident b is on the page under both roles.
        #expect(page.components(separatedBy: "../../incidents/b/").count - 1 >= 2)
        // Example AI developed three: two pages of two.
        #expect(site.read("entities/example-ai/page/2/index.html")?.contains("../../../../incidents/c/") == true)
        #expect(site.read("entities/example-ai/feed.xml")?.contains("<title>Register: Example AI</title>") == true)
        let incident = try #require(site.read("incidents/a/index.html"))
        #expect(incident.contains(#"<div><dt>Deployers</dt><dd><ul class="entity-names"><li><a href="../../entities/air-canada/">Air Canada</a></li></ul></dd></div>"#))
        #expect(site.read("index.html")?.contains(#"<a href="./entities/">Entities</a>"#) == true)
        let data = try #require(site.read("incidents/a/index.json"))
        #expect(data.contains(#""deployers":["Air Canada"],"developers":["Example AI"],"harmed_parties":["Jake Moffatt"]"#))
    }

    @Test func aSiteWithoutEntitiesHasNoEntityPages() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        try site.build()
        #expect(site.read("entities/index.html") == nil)
        #expect(site.read("index.html")?.contains("entities/") == false)
    }

    @Test func anEditThatRenamesAnEntityMatchesAFullBuild() throws {
        let site = try Self.site()
        let pipeline = Pipeline(Pipeline.Options(sourcePath: site.root))
        let kept = MemoryOutput()
        try pipeline.run(into: kept)
        try site.write("content/incidents/c.md", incidentFile(title: "Model leaks code", dateReported: "2023-05-02", extra: "developers: [Other Lab]"))
        try pipeline.run(changes: ["content/incidents/c.md"], into: kept)
        #expect(kept.files == (try site.buildInMemory()).files)
    }
}

/// Controlled vocabularies: values outside them are errors at the value, with a hint;
/// definitions on value pages and overviews; unused values reported by check.
@Suite struct VocabularyTests {
    static func site(_ incident: String) throws -> TestSite {
        try TestSite([
            "vocabularies/category.yml": "- value: Privacy\n  description: Personal data exposed or misused.\n- value: Misinformation\n  description: False statements presented as fact.\n- value: Fraud\n",
            "vocabularies/tags.yml": "- value: chatbot\n  description: A conversational system.\n- value: deepfake\n",
            "content/incidents/a.md": incident,
        ])
    }

    @Test func valuesOutsideTheVocabularyAreErrorsWithAHint() throws {
        let site = try Self.site(incidentFile(extra: "category: Privcy\ntags: [chatbot, chat-bot, deep fake]"))
        #expect(site.errorsInEveryMode() == [
            "content/incidents/a.md:5:11: category: \"Privcy\" is not in the vocabulary vocabularies/category.yml (did you mean Privacy?), expected one of Privacy, Misinformation, Fraud",
            "content/incidents/a.md:6:17: tags[1]: \"chat-bot\" is not in the vocabulary vocabularies/tags.yml (did you mean chatbot?), expected one of chatbot, deepfake",
            "content/incidents/a.md:6:27: tags[2]: \"deep fake\" is not in the vocabulary vocabularies/tags.yml (did you mean deepfake?), expected one of chatbot, deepfake",
        ])
    }

    @Test func definitionsShowAndUnusedValuesAreReported() throws {
        let site = try Self.site(incidentFile(extra: "category: privacy\ntags: [Chatbot]"))
        try site.build()
        #expect(site.read("category/privacy/index.html")?.contains(#"<p class="definition">Personal data exposed or misused.</p>"#) == true)
        #expect(site.read("tags/chatbot/index.html")?.contains(#"<p class="definition">A conversational system.</p>"#) == true)
        #expect(site.read("category/index.html")?.contains(#"<span class="definition">Personal data exposed or misused.</span>"#) == true)
        let warnings = SiteChecker.check(rootPath: site.root, includeDrafts: false).diagnostics
            .map(\.description).filter { $0.hasPrefix("vocabularies/") }
        #expect(warnings == [
            "vocabularies/category.yml:3:3: value: \"Misinformation\" is used by no incident; remove it or keep it for later",
            "vocabularies/category.yml:5:3: value: \"Fraud\" is used by no incident; remove it or keep it for later",
            "vocabularies/tags.yml:3:3: value: \"deepfake\" is used by no incident; remove it or keep it for later",
        ])
    }

    @Test func aVocabularyMustNameAFieldAndListEntries() throws {
        let site = try TestSite([
            "vocabularies/categroy.yml": "- value: Privacy\n",
            "vocabularies/industry.yml": "value: Aviation\n",
            "content/incidents/a.md": incidentFile(),
        ])
        let errors = site.errorsInEveryMode()
        #expect(errors.contains { $0.hasPrefix("vocabularies/categroy.yml:1:1: names no field a vocabulary can be for (did you mean category.yml?)") }, "\(errors)")
        #expect(errors.contains("vocabularies/industry.yml:1:1: expected a list of entries such as \"- value: Privacy\" with an optional description"), "\(errors)")
    }

    @Test func editingAVocabularyWhileServingMatchesAFullBuild() throws {
        let site = try Self.site(incidentFile(extra: "category: Privacy"))
        let pipeline = Pipeline(Pipeline.Options(sourcePath: site.root))
        let kept = MemoryOutput()
        try pipeline.run(into: kept)
        try site.write("vocabularies/category.yml", "- value: Privacy\n  description: Data about people.\n")
        try pipeline.run(changes: ["vocabularies/category.yml"], into: kept)
        #expect(kept.text(at: "category/privacy/index.html")?.contains("Data about people.") == true)
        #expect(kept.files == (try site.buildInMemory()).files)
        // A value the vocabulary no longer has is an error on the next run.
        try site.write("vocabularies/category.yml", "- value: Fraud\n")
        #expect(throws: BuildFailure.self) { try pipeline.run(changes: ["vocabularies/category.yml"], into: kept) }
    }
}

/// content/entities/<slug>.md: the name shown, spellings merged, a description.
@Suite struct EntityProfileTests {
    @Test func aProfileNamesMergesAndDescribesItsEntity() throws {
        let site = try TestSite([
            "content/entities/openai.md": "---\ntitle: OpenAI\nalso_known_as: [Open AI, OpenAI Inc.]\nwebsite: https://openai.com/\n---\nThe company behind **ChatGPT**.\n",
            "content/incidents/a.md": incidentFile(extra: "developers: [Open AI]"),
            "content/incidents/b.md": incidentFile(title: "Another", extra: "developers: [openai inc]"),
        ])
        #expect(site.errorsInEveryMode() == [])
        try site.build()
        let page = try #require(site.read("entities/openai/index.html"))
        #expect(page.contains("<h1>OpenAI</h1>"))
        #expect(page.contains("<p>The company behind <strong>ChatGPT</strong>.</p>"))
        #expect(page.contains(#"<a href="https://openai.com/" rel="external">Website</a>"#))
        #expect(page.contains("../../incidents/a/") && page.contains("../../incidents/b/"))
        #expect(site.read("entities/open-ai/index.html") == nil)
        // The incident that wrote "Open AI" links the merged entity.
        #expect(site.read("incidents/a/index.html")?.contains(#"<dt>Developers</dt><dd><ul class="entity-names"><li><a href="../../entities/openai/">OpenAI</a></li>"#) == true)
    }

    @Test func profileErrorsAreAtTheirLine() throws {
        let site = try TestSite([
            "content/entities/acme.md": "---\ntitle: Acme\nalso_known_as: [Globex]\n---\n",
            "content/entities/globex.md": "---\ntitle: Globex\n---\n",
            "content/entities/initech.md": "---\ntitle: Initech\nfounded: 1990\nwebsite: ftp://initech.example\n---\n",
            "content/incidents/a.md": incidentFile(),
        ])
        let errors = site.errorsInEveryMode()
        #expect(errors.contains { $0.hasPrefix("content/entities/initech.md:4:10: website: \"ftp://initech.example\"") }, "\(errors)")
        #expect(errors.contains("content/entities/initech.md:3:1: founded: is not a key of an entity file, expected title, also_known_as or website"), "\(errors)")
        #expect(errors.contains("content/entities/acme.md:3:17: also_known_as[0]: \"Globex\" is also claimed by content/entities/globex.md, expected each spelling to belong to one entity"), "\(errors)")
    }
}
