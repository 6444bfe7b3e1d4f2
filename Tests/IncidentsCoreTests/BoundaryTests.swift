import Foundation
import Testing
@testable import IncidentsCore

/// The file-system boundary (`SiteFiles`): nothing from outside the site is read,
/// published or printed; nothing is skipped silently; nothing a file can be makes the
/// build hang. `build`, `check` and `serve`'s in-memory build report the same.
@Suite struct BoundaryTests {
    /// A folder outside the site holding a secret, removed on deinit.
    final class Outside {
        let root: String
        static let secret = "SECRET=do-not-publish"

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("incidents-outside-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: true)
            // No newline, like /proc/self/environ: a printer reading "line 1" would print it all.
            try Data(Self.secret.utf8).write(to: URL(fileURLWithPath: root + "/secret"))
            try Data(Self.secret.utf8).write(to: URL(fileURLWithPath: root + "/folder/secret.txt"))
            try Data(incidentFile(title: Self.secret).utf8).write(to: URL(fileURLWithPath: root + "/folder/stolen.md"))
            try Data("---\ntitle: \(Self.secret)\n---\n".utf8).write(to: URL(fileURLWithPath: root + "/folder/page.md"))
            try Data("<p>\(Self.secret)</p>\n".utf8).write(to: URL(fileURLWithPath: root + "/folder/footer.mustache"))
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    private func link(_ site: TestSite, _ path: String, to target: String) throws {
        let full = site.root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    // MARK: 1. Nothing from outside the site

    @Test(arguments: ["static", "content/incidents", "content/pages", "templates", "content"])
    func aTopLevelFolderThatIsALinkIsRefused(_ folder: String) throws {
        let outside = try Outside()
        let site = try TestSite(folder == "content" || folder == "content/incidents" ? [:] : ["content/incidents/a.md": incidentFile()])
        try link(site, folder, to: outside.root + "/folder")
        #expect(site.errorsInEveryMode() == ["\(folder): is a symbolic link, which is not followed; expected a real folder inside the site"])
        #expect(site.outputFiles().isEmpty)
    }

    @Test func siteSettingsThatAreALinkOutOfTheSiteAreNeitherUsedNorQuoted() throws {
        let outside = try Outside()
        try Data("title: \(Outside.secret)\nper_page: lots\n".utf8).write(to: URL(fileURLWithPath: outside.root + "/site.yml"))
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        try link(site, "site.yml", to: outside.root + "/site.yml")
        #expect(site.errorsInEveryMode() == ["site.yml:1:1: is a symbolic link to \(outside.root)/site.yml, outside the site; expected a file inside the site folder"])
        for format in ["text", "github", "json"] {
            let check = try CommandLineTests().run(["check", "--source", site.root, "--format", format], in: site.root)
            #expect(check.status == 1)
            #expect(!(check.stdout + check.stderr).contains(Outside.secret), "\(format) output quotes the outside file")
        }
    }

    @Test func theErrorPrinterNeverReadsThroughARefusedLink() throws {
        let outside = try Outside()
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        try link(site, "content/incidents/environ.md", to: outside.root + "/secret")
        let build = try CommandLineTests().run(["build", "--source", site.root], in: site.root)
        #expect(build.status == 1)
        #expect(build.stderr.contains("content/incidents/environ.md:1:1: is a symbolic link to"))
        #expect(!build.stderr.contains(Outside.secret))
    }

    @Test func aLinkInsideTheSiteIsFollowed() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(), "shared/b.md": incidentFile(title: "Shared")])
        try link(site, "content/incidents/b.md", to: site.root + "/shared/b.md")
        #expect(site.errorsInEveryMode() == [])
        #expect(site.read("incidents/b/index.html")?.contains("Shared") == true)
    }

    @Test func aLinkChangedAfterListingIsRefusedWhenRead() throws {
        let outside = try Outside()
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        let files = try SiteFiles(rootPath: site.root)
        // Between listing and reading (as while serve runs), the file becomes a link out.
        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/a.md")
        try link(site, "content/incidents/a.md", to: outside.root + "/folder/stolen.md")
        let read = files.readText("content/incidents/a.md")
        #expect(read.map { _ in "read" } == .failure(BuildFailure(Diagnostic(SourceLocation(file: "content/incidents/a.md", line: 1, column: 1),
            "is a symbolic link to \(outside.root)/folder/stolen.md, outside the site; expected a file inside the site folder"))))
    }

    // MARK: 2. Nothing skipped silently

    @Test(.enabled(if: Unprivileged.unavailableReason == nil, "\(Unprivileged.unavailableReason ?? "")"))
    func anUnreadableFolderFailsTheBuildAndKeepsThePublishedPages() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(), "content/incidents/2023/b.md": incidentFile(title: "Bee")])
        let output = site.root + "/out"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        Unprivileged.handOver(site.root)
        Unprivileged.handOver(output)
        let first = try Unprivileged.run(["build", "--source", site.root, "--output", output])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + "/incidents/b/index.html"))

        chmod(site.root + "/content/incidents/2023", 0o000)
        defer { chmod(site.root + "/content/incidents/2023", 0o755) }
        let second = try Unprivileged.run(["build", "--source", site.root, "--output", output])
        #expect(second.status == 1)
        #expect(second.stderr.contains("content/incidents/2023: cannot be read: permission denied; the files in it would be missing from the site"))
        #expect(FileManager.default.fileExists(atPath: output + "/incidents/b/index.html"), "the failed build deleted a published page")
        let check = try Unprivileged.run(["check", "--source", site.root])
        #expect(check.status == 1)
        #expect(check.stderr.contains("content/incidents/2023: cannot be read: permission denied"))
    }

    @Test(.enabled(if: Unprivileged.unavailableReason == nil, "\(Unprivileged.unavailableReason ?? "")"))
    func anUnreadableStaticFileIsAnErrorInBuildAndCheck() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(), "static/logo.png": "png"])
        Unprivileged.handOver(site.root)
        chmod(site.root + "/static/logo.png", 0o000)
        for command in ["build", "check"] {
            let run = try Unprivileged.run([command, "--source", site.root])
            #expect(run.status == 1)
            #expect(run.stderr.contains("static/logo.png:1:1: cannot be read: permission denied"), "\(command): \(run.stderr)")
            #expect(!run.stderr.contains("NSCocoaErrorDomain"))
        }
    }

    @Test func aFileNameThatIsNotUTF8IsAnError() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        // "café.md" in Latin-1: a name Swift's String cannot hold.
        var path = Array((site.root + "/content/incidents/caf").utf8)
        path += [0xE9] + Array(".md".utf8) + [0]
        let descriptor = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(descriptor >= 0)
        close(descriptor)
        #expect(site.errorsInEveryMode() == [#"content/incidents/caf\xE9.md: the name is not UTF-8 text, expected a UTF-8 file name; rename it"#])
    }

    @Test func namesThatDifferOnlyInNormalisationAreErrorsNamingBoth() throws {
        let nfc = "caf\u{E9}.md", nfd = "cafe\u{301}.md"
        // Written one by one: as dictionary keys, the two names would be one.
        let site = try TestSite()
        try site.write("content/incidents/" + nfc, incidentFile(title: "One"))
        try site.write("content/incidents/" + nfd, incidentFile(title: "Two"))
        let errors = site.errorsInEveryMode()
        #expect(errors == [
            "content/incidents/\(nfc): has the same name as content/incidents/\(nfd) in another Unicode normalisation (NFC and NFD); rename one of them",
            "content/incidents/\(nfd): has the same name as content/incidents/\(nfc) in another Unicode normalisation (NFD and NFC); rename one of them",
        ].sorted())
        #expect(!errors.joined().contains("is also the slug of ,"))
    }

    // MARK: 3. Nothing hangs

    @Test func aNamedPipeIsRefusedWithoutWaitingOnIt() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        #expect(mkfifo(site.root + "/content/incidents/pipe.md", 0o644) == 0)
        #expect(mkfifo(site.root + "/fifo-target", 0o644) == 0)
        try link(site, "content/incidents/linked.md", to: site.root + "/fifo-target")
        try link(site, "site.yml", to: site.root + "/fifo-target")
        #expect(site.errorsInEveryMode() == [
            "content/incidents/linked.md:1:1: is a symbolic link to a named pipe (FIFO), expected a regular file",
            "content/incidents/pipe.md:1:1: is a named pipe (FIFO), expected a regular file",
            "site.yml:1:1: is a symbolic link to a named pipe (FIFO), expected a regular file",
        ])
    }

    @Test func aPipeSwappedInAfterListingIsNotWaitedOn() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        let files = try SiteFiles(rootPath: site.root)
        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/a.md")
        #expect(mkfifo(site.root + "/content/incidents/a.md", 0o644) == 0)
        #expect(files.readText("content/incidents/a.md").map { _ in "read" } == .failure(BuildFailure(Diagnostic(
            SourceLocation(file: "content/incidents/a.md", line: 1, column: 1), "is a named pipe (FIFO), expected a regular file"))))
    }

    // MARK: 4. Bounded cost

    @Test func anOversizedFileIsNeitherReadNorPrinted() throws {
        let site = try TestSite()
        // One line of 9 MB: printing "line 1" of it used to write all of it to the terminal.
        try site.writeBytes("content/incidents/huge.md", Array("---\ntitle: ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 9 << 20))
        let build = try CommandLineTests().run(["build", "--source", site.root], in: site.root)
        #expect(build.status == 1)
        #expect(build.stderr.contains("content/incidents/huge.md:1:1: is larger than 8 MB, expected a text file of a reasonable size"))
        #expect(build.stderr.utf8.count < 1_000)
    }

    @Test func aLongSourceLineIsShownAroundTheColumnOnly() throws {
        // One line of 50 KB with an error far along it, at the severity.
        let line = "{title: A, date_reported: 2024-01-01, summary: " + String(repeating: "y", count: 50_000) + ", severity: hgh}"
        let site = try TestSite(["content/incidents/a.md": "---\n" + line + "\n---\nBody.\n"])
        let build = try CommandLineTests().run(["build", "--source", site.root], in: site.root)
        #expect(build.status == 1)
        let lines = build.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == #"content/incidents/a.md:2:50060: severity: "hgh" is not one of critical, high, medium, low"#)
        // The excerpt: the last 160 characters of the line, marked as cut, caret under "hgh".
        #expect(lines.count >= 3 && lines[1].hasPrefix("…") && lines[1].hasSuffix("severity: hgh}") && lines[1].count == 161)
        #expect(lines.count >= 3 && lines[1].unicodeScalars.dropFirst(lines[2].count - 1).prefix(3).map(String.init).joined() == "hgh")
        #expect(build.stderr.utf8.count < 1_000, "\(build.stderr.utf8.count) bytes of messages")
    }

    @Test func sourceLinesCannotSendTerminalEscapes() {
        let excerpt = SourceExcerpt(line: "title: \u{1B}]0;owned\u{07} x\u{202E}y", column: 8)
        #expect(!excerpt.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(excerpt.caretOffset == 7)
    }

    // MARK: 6. Messages

    @Test func aStaticFileWhereAGeneratedFolderGoesIsCaughtBeforeWriting() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(extra: "tags: [x]"), "static/tags": "not a folder"])
        #expect(site.errorsInEveryMode() == [
            "static/tags:1:1: is a file where the site needs the folder tags/ (for tags/index.html), expected another file name",
        ])
    }

    @Test(arguments: ["feed.xml", "404.html", "incidents.json", "sitemap.xml", "stats"])
    func aPageCannotTakeAGeneratedFileName(_ slug: String) throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(), "content/pages/p.md": "---\ntitle: P\nslug: \(slug)\n---\n"])
        let errors = site.errorsInEveryMode()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix(#"content/pages/p.md:3:7: slug: "\#(slug)" is used by the generator"#) == true, "\(errors)")
    }

    @Test func aPageAndAStaticFileCannotWriteTheSameFile() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(), "content/pages/about.md": "---\ntitle: About\n---\n",
                                 "static/about/index.html": "<p>mine</p>"])
        #expect(site.errorsInEveryMode() == [
            "content/pages/about.md:1:1: would write about/index.html, as static/about/index.html does too; expected another file name (or a slug: key)",
            "static/about/index.html:1:1: would write about/index.html, as content/pages/about.md does too; expected another file name",
        ])
    }
}
