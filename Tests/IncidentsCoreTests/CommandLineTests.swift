import Foundation
import Testing
@testable import IncidentsCore

/// The `incidents` program as a user runs it: arguments, messages, exit status.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `swift test` builds the executable beside the test bundle.
    static var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("incidents").path
    }

    func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func buildPrintsASummary() throws {
        let site = try TestSite(fixture: "basic")
        let result = try run(["build"], in: site.root)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Built 4 incidents, 4 tags, 38 files written to "))
        #expect(FileManager.default.fileExists(atPath: site.output + "/index.html"))
    }

    /// Fingerprints kept in the cache are Swift hashes: the program starts itself again
    /// with deterministic hashing, so a second process can use what the first kept.
    @Test func aCacheWrittenByOneBuildIsUsedByTheNext() throws {
        let site = try TestSite(fixture: "basic")
        let first = try run(["build", "--cache", ".cache", "--verbose"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("cache: nothing reused: it is empty; 0 of 5 incident files reused"), "\(first.stdout)")
        try site.write("content/incidents/alpha.md", incidentFile(title: "Edited in a second process"))
        let second = try run(["build", "--cache", ".cache", "--verbose"], in: site.root)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("cache: 4 of 5 incident files reused;"), "\(second.stdout)")
        #expect(second.stdout.contains("written or removed in place"), "\(second.stdout)")
        let reference = try run(["build", "--output", "reference", "--quiet"], in: site.root)
        #expect(reference.status == 0)
        for path in site.outputFiles() where path != DiskOutput.markerName {
            #expect(FileManager.default.contents(atPath: site.output + "/" + path) == FileManager.default.contents(atPath: site.root + "/reference/" + path), "\(path)")
        }
    }

    @Test func oneOfAnythingIsSingular() throws {
        let site = try TestSite(["content/incidents/only.md": incidentFile(extra: "summary: One.\nsources:\n  - title: S\n    url: https://example.com/\ntags: [solo]")])
        let build = try run(["build"], in: site.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.hasPrefix("Built 1 incident, 1 tag, "), "\(build.stdout)")
        let check = try run(["check"], in: site.root)
        #expect(check.stdout == "Checked 1 incident: 0 errors, 0 warnings\n", "\(check.stdout)\(check.stderr)")
        try site.write("content/incidents/only.md", "---\ntitle: [\n---\n")
        let failed = try run(["build"], in: site.root)
        #expect(failed.stderr.hasSuffix("error: build failed with 1 error; the output folder was not changed\n"))
    }

    @Test func quietAndVerbose() throws {
        let site = try TestSite(fixture: "basic")
        let quiet = try run(["build", "--quiet"], in: site.root)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
        let verbose = try run(["build", "-v"], in: site.root)
        #expect(verbose.status == 0)
        let lines = verbose.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.first?.hasPrefix("  read and validate 6 files") == true)
        #expect(lines.last?.hasPrefix("Built 4 incidents") == true)
        #expect(try run(["build", "-q", "-v"], in: site.root).status == 2)
    }

    @Test func sourceOutputAndDraftsOptions() throws {
        let site = try TestSite(fixture: "basic")
        let elsewhere = site.root + "/elsewhere/site"
        let result = try run(["build", "--source", site.root, "--output", elsewhere, "--drafts"], in: "/")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Built 5 incidents"))
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/incidents/delta/index.html"))
    }

    @Test func errorsAreCompilerStyleWithACaret() throws {
        let site = try TestSite(["content/incidents/x.md": "---\ntitle: T\ndate_reported: 2024-01-01\nseverity: hgh\n---\n"])
        let result = try run(["build"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr == """
        content/incidents/x.md:4:11: severity: "hgh" is not one of critical, high, medium, low
        severity: hgh
                  ^
        error: build failed with 1 error; the output folder was not changed

        """)
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let site = try TestSite()
        let result = try run(["build", "--colour"], in: site.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--colour'"))
    }

    // MARK: init and new

    @Test func initCreatesASiteThatBuildsAndNeverOverwrites() throws {
        let parent = try TestSite()
        let created = try run(["init", "site", "--title", "Outage history"], in: parent.root)
        #expect(created.status == 0, "\(created.stderr)")
        for path in ["site.yml", "content/pages/about.md", "templates/README.md", ".gitignore", ".github/workflows/publish.yml"] {
            #expect(FileManager.default.fileExists(atPath: parent.root + "/site/" + path), "\(path)")
        }
        let build = try run(["build"], in: parent.root + "/site")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.hasPrefix("Built 1 incident, 2 tags"))
        let site = try String(contentsOfFile: parent.root + "/site/site.yml", encoding: .utf8)
        let again = try run(["init", "site"], in: parent.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("refusing to overwrite site.yml"))
        #expect(try String(contentsOfFile: parent.root + "/site/site.yml", encoding: .utf8) == site)
    }

    /// The workflow `init` writes uses this repository's Action with inputs the Action
    /// declares, and fetches the whole history (pages show each file's last commit).
    @Test func initsWorkflowUsesTheActionWithItsInputs() throws {
        func node(_ text: String, _ path: String) throws -> YAMLNode { try #require(try YAMLParser.parse(text, path: path, firstLine: 1)) }
        func value(_ node: YAMLNode, _ key: String) -> YAMLNode? {
            guard case .mapping(let entries) = node.content else { return nil }
            return entries.first { $0.key.scalar?.text == key }?.value
        }
        func keys(_ node: YAMLNode?) -> [String] {
            guard let node, case .mapping(let entries) = node.content else { return [] }
            return entries.compactMap { $0.key.scalar?.text }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let action = try node(String(contentsOfFile: root + "/action.yml", encoding: .utf8), "action.yml")
        let declared = Set(keys(value(action, "inputs")))
        let workflow = try node(SiteScaffold.workflow, ".github/workflows/publish.yml")
        guard let steps = value(value(value(workflow, "jobs")!, "build")!, "steps"), case .sequence(let list) = steps.content else {
            Issue.record("no build steps")
            return
        }
        let uses = list.compactMap { step in value(step, "uses").map { ($0.scalar?.text ?? "", step) } }
        let checkout = try #require(uses.first { $0.0.hasPrefix("actions/checkout@") })
        #expect(value(value(checkout.1, "with")!, "fetch-depth")?.scalar?.text == "0")
        let incidents = try #require(uses.first { $0.0.hasSuffix("/incidents@v1") })
        let given = keys(value(incidents.1, "with"))
        #expect(!given.isEmpty)
        for input in given { #expect(declared.contains(input), "\(input) is not an input of action.yml") }
    }

    @Test func newWritesAnIncidentThatBuildsAndNeverOverwrites() throws {
        let site = try TestSite()
        let created = try run(["new", "Bank chatbot leaks: account data", "--severity", "HIGH", "--tags", "privacy, chatbot"], in: site.root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "./content/incidents/bank-chatbot-leaks-account-data.md\n")
        let incident = try IncidentParser.parse(
            String(contentsOfFile: site.root + "/content/incidents/bank-chatbot-leaks-account-data.md", encoding: .utf8),
            path: "content/incidents/bank-chatbot-leaks-account-data.md").get()
        #expect(incident.title == "Bank chatbot leaks: account data")
        #expect(incident.severity == .high)
        #expect(incident.tags == ["privacy", "chatbot"])
        #expect(try run(["build"], in: site.root).status == 0)
        #expect(try run(["new", "Bank chatbot leaks: account data"], in: site.root).status == 1)
        #expect(try run(["new", "Other", "--severity", "hgh"], in: site.root).status == 2)
    }

    @Test func newNumbersTheIncidentWhenTheSiteDoes() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(extra: "id: 41")])
        let created = try run(["new", "Second incident"], in: site.root)
        #expect(created.status == 0, "\(created.stderr)")
        let incident = try IncidentParser.parse(
            String(contentsOfFile: site.root + "/content/incidents/second-incident.md", encoding: .utf8),
            path: "content/incidents/second-incident.md").get()
        #expect(incident.id == 42)
        // Numbered, the new incident keeps the site building.
        #expect(try run(["build"], in: site.root).status == 0)
    }

    // MARK: check

    private func siteWithWarnings() throws -> TestSite {
        try TestSite([
            "content/incidents/a.md": incidentFile(title: "Same title", extra: """
            severty: high
            summary: A summary.
            sources:
              - title: No link
            """, body: "See [the other](../b/), [a missing one](../gone/) and [a tag](../../tags/nope/).\n"),
            "content/incidents/b.md": incidentFile(title: "Same title"),
        ])
    }

    @Test func checkReportsWarningsWithoutFailing() throws {
        let site = try siteWithWarnings()
        let result = try run(["check"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Checked 2 incidents: 0 errors, 8 warnings\n")
        #expect(result.stderr.contains("content/incidents/a.md:5:1: warning: severty: is not a known key (did you mean severity?); it is kept for templates as params.severty"))
        #expect(result.stderr.contains("content/incidents/a.md:8:5: warning: sources[0].url: missing, and no archive_url either; recommended so readers can check the source"))
        #expect(result.stderr.contains("content/incidents/a.md:10:41: warning: body: the link ../gone/ leads to incidents/gone/, which does not exist"))
        #expect(result.stderr.contains("content/incidents/a.md:10:63: warning: body: the link ../../tags/nope/ leads to tags/nope/, which does not exist"))
        #expect(result.stderr.contains(#"content/incidents/b.md:1:1: warning: title: "Same title" is also the title of content/incidents/a.md; readers cannot tell them apart"#))
        #expect(!result.stderr.contains("leads to incidents/b/"))
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func checkStrictFailsOnWarnings() throws {
        let site = try siteWithWarnings()
        #expect(try run(["check", "--strict"], in: site.root).status == 1)
    }

    @Test func checkFailsOnErrorsAndSpeaksGitHubAndJSON() throws {
        let site = try TestSite(["content/incidents/x.md": "---\ntitle: T\ndate_reported: 2024-01-01\nseverity: hgh\n---\n"])
        let github = try run(["check", "--format", "github"], in: site.root)
        #expect(github.status == 1)
        #expect(github.stdout.contains(#"::error file=content/incidents/x.md,line=4,col=11::severity: "hgh" is not one of critical, high, medium, low"#))
        let json = try run(["check", "--format", "json"], in: site.root)
        #expect(json.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["errors"] as? Int == 1)
        let first = (document?["diagnostics"] as? [[String: Any]])?.first { $0["severity"] as? String == "error" }
        #expect(first?["line"] as? Int == 4)
        #expect(first?["column"] as? Int == 11)
        #expect(first?["key"] as? String == "severity")
        #expect(first?["severity"] as? String == "error")
    }
}

@Suite struct DiagnosticFormatterTests {
    @Test func showsTheLineAndCaretOfCRLFFiles() {
        let source = "---\r\ntitle: T\r\nseverity: hgh\r\n---\r\n"
        let diagnostic = [Diagnostic(SourceLocation(file: "x.md", line: 3, column: 11), key: "severity", #""hgh" is not one of critical, high, medium, low"#)]
            .withExcerpts(of: "x.md", from: SourceLocator(source))[0]
        #expect(DiagnosticFormatter.format(diagnostic) == """
        x.md:3:11: severity: "hgh" is not one of critical, high, medium, low
        severity: hgh
                  ^
        """)
    }

    @Test func controlCharactersInFileNamesStayOnOneLine() {
        let location = SourceLocation(file: "content/incidents/new\nline.md", line: 1, column: 1)
        #expect(location.description == #"content/incidents/new\u{a}line.md:1:1"#)
    }
}

/// `incidents theme`: the built-in theme's files, printed and copied out.
@Suite struct ThemeCommandTests {
    @Test func anExportedThemeBuildsTheSameSite() throws {
        let plain = try TestSite(fixture: "basic")
        try FileManager.default.removeItem(atPath: plain.root + "/templates")
        let copied = try TestSite(fixture: "basic")
        try FileManager.default.removeItem(atPath: copied.root + "/templates")
        let export = try CommandLineTests().run(["theme", "export", copied.root + "/templates"], in: copied.root)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: copied.root + "/templates")) == Set(BuiltinTheme.files.keys))
        let first = try plain.buildInMemory().files, second = try copied.buildInMemory().files
        #expect(first == second)
        // Never overwrites.
        let again = try CommandLineTests().run(["theme", "export", copied.root + "/templates", "footer"], in: copied.root)
        #expect(again.status == 1 && again.stderr.contains("refusing to overwrite"))
    }

    @Test func showPrintsOneFileExactly() throws {
        let show = try CommandLineTests().run(["theme", "show", "incident-card"], in: "/")
        #expect(show.status == 0 && show.stdout == BuiltinTheme.templates["incident-card"])
        let missing = try CommandLineTests().run(["theme", "show", "nope"], in: "/")
        #expect(missing.status == 2 && missing.stderr.contains("incidents theme list"))
    }

    /// The theme is real files in the repository, each in the table the program reads.
    @Test func everyFileOfTheThemeIsCompiledIn() throws {
        let folder = DemoSiteTests.repositoryRoot + "/Sources/IncidentsCore/Theme/Files"
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == Set(BuiltinTheme.files.keys))
        for (name, text) in BuiltinTheme.files {
            #expect(try String(contentsOfFile: folder + "/" + name, encoding: .utf8) == text, "\(name)")
        }
    }
}
