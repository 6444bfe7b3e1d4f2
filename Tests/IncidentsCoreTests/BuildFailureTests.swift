import Foundation
import Testing
@testable import IncidentsCore

/// Bad input: all errors reported together, with locations, and the old site kept.
@Suite struct BuildFailureTests {
    @Test func allErrorsOfAllFilesAreReportedTogether() throws {
        let site = try TestSite([
            "content/incidents/a.md": incidentFile(severity: "hgh"),
            "content/incidents/b.md": incidentFile(dateReported: "2024-02-30"),
            "content/incidents/c.md": incidentFile(),
        ])
        #expect(site.buildErrors() == [
            #"content/incidents/a.md:3:11: severity: "hgh" is not one of critical, high, medium, low"#,
            #"content/incidents/b.md:4:16: date_reported: "2024-02-30" is not a date, expected YYYY-MM-DD, YYYY-MM or YYYY with a real month and day"#,
        ])
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let site = try TestSite(fixture: "basic")
        try site.build()
        let before = snapshot(site.output)
        try site.write("content/incidents/broken.md", "---\ntitle: [oops\n---\n")
        #expect(site.buildErrors().count == 1)
        #expect(snapshot(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func successfulRebuildRemovesPagesOfDeletedIncidents() throws {
        let site = try TestSite(fixture: "basic")
        try site.build()
        #expect(site.read("incidents/gamma/index.html") != nil)
        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/gamma.md")
        try site.build()
        #expect(site.read("incidents/gamma/index.html") == nil)
        #expect(site.read("incidents/alpha/index.html") != nil)
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(), "public/notes.txt": "precious"])
        let errors = site.buildErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.contains("the folder is not empty and was not written by incidents") == true)
        #expect(site.read("notes.txt") == "precious")
    }

    @Test func duplicateSlugsNameBothFiles() throws {
        let site = try TestSite([
            "content/incidents/2023/same.md": incidentFile(),
            "content/incidents/other.md": incidentFile(extra: "slug: same"),
        ])
        #expect(site.buildErrors() == [
            #"content/incidents/2023/same.md:1:1: slug: "same" is also the slug of content/incidents/other.md, expected each incident to have its own slug"#,
            #"content/incidents/other.md:5:7: slug: "same" is also the slug of content/incidents/2023/same.md, expected each incident to have its own slug"#,
        ])
    }

    @Test func notUTF8AndBinaryFilesAreRefused() throws {
        let site = try TestSite()
        try site.writeBytes("content/incidents/latin1.md", Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        try site.writeBytes("content/incidents/binary.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        #expect(site.buildErrors() == [
            "content/incidents/binary.md:1:4: is a binary file (NUL byte), expected UTF-8 text",
            "content/incidents/latin1.md:2:11: is not UTF-8 text (byte 0xE9), expected UTF-8; re-save the file as UTF-8",
        ])
    }

    @Test func standalonePageCannotTakeAGeneratedPath() throws {
        let site = try TestSite(["content/pages/tags.md": "---\ntitle: Tags\n---\n"])
        #expect(site.buildErrors() == [
            #"content/pages/tags.md:1:1: slug: "tags" is used by the generator, expected another name than 404.html, assets, entities, feed.json, feed.xml, filter-index.json, i, incidents, incidents.csv, incidents.json, index.html, page, pagefind, robots.txt, schema, search, sitemap.xml, stats, tags"#,
        ])
    }

    @Test func staticFileCannotOverwriteAPage() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile(), "static/index.html": "<p>mine</p>"])
        #expect(site.buildErrors() == ["static/index.html:1:1: would overwrite the generated page index.html, expected another file name"])
    }

    @Test func siteSettingsAreValidated() throws {
        let site = try TestSite(["site.yml": "title: X\nper_page: -3\ntitel: Y\n", "content/incidents/a.md": incidentFile()])
        #expect(site.buildErrors() == [
            "site.yml:2:11: per_page: found number -3, expected a whole number from 0 to 10000 (0 = one page)",
            "site.yml:3:1: titel: is not a site setting (did you mean title?), expected one of title, description, base_url, language, per_page, unsafe_html, facets, search, languages",
        ])
    }

    @Test func templateErrorsNameTheTemplateFile() throws {
        let site = try TestSite([
            "content/incidents/a.md": incidentFile(),
            "templates/footer.mustache": "<p>\n{{#site}}never closed\n",
        ])
        let errors = site.buildErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("templates/footer.mustache:") == true)
        #expect(errors.first?.contains("a section is never closed") == true)
    }

    @Test func symbolicLinkOutOfTheSiteIsRefused() throws {
        let site = try TestSite(["content/incidents/a.md": incidentFile()])
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/incidents/passwd.md", withDestinationPath: "/etc/passwd")
        #expect(site.buildErrors() == ["content/incidents/passwd.md:1:1: is a symbolic link to /etc/passwd, outside the site; expected a file inside the site folder"])
    }

    /// Every file's bytes and every folder under `root`.
    private func snapshot(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            files[path] = FileManager.default.contents(atPath: root + "/" + path) ?? Data()
        }
        return files
    }
}

@Suite struct SiteConfigTests {
    @Test func everySettingIsOptional() throws {
        let config = try SiteConfigParser.parse("description: Only a description\n").get()
        #expect(config.title == "Incidents")
        #expect(config.perPage == 50)
        #expect(config.description == "Only a description")
        #expect(try SiteConfigParser.parse("").get() == SiteConfig())
    }

    @Test func baseURLGetsATrailingSlash() throws {
        #expect(try SiteConfigParser.parse("base_url: https://example.org/db\n").get().baseURL == "https://example.org/db/")
        #expect(SiteConfigParser.parse("base_url: /db\n").map(\.baseURL) == .failure(BuildFailure([Diagnostic(
            SourceLocation(file: "site.yml", line: 1, column: 11), key: "base_url",
            #""/db" is not an absolute URL, expected one such as https://example.org/incidents/"#)])))
    }
}
