import Foundation
import Testing
@testable import IncidentsCore

/// `--changed-list FILE`: the output paths a build changes, for a deploy step that
/// uploads (and deletes) only those. Checked against the two output trees themselves.
@Suite struct ChangedListTests {
    /// Every file of the output folder with its bytes, marker left out.
    private func snapshot(_ site: TestSite) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in site.outputFiles() where path != DiskOutput.markerName {
            files[path] = try Data(contentsOf: URL(fileURLWithPath: site.output + "/" + path))
        }
        return files
    }

    private func build(_ site: TestSite, list: String) throws -> [String] {
        var options = BuildOptions(sourcePath: site.root)
        options.changedListPath = list
        try SiteBuilder.build(options)
        return try String(contentsOfFile: list, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func theListIsExactlyWhatChanged() throws {
        let site = try TestSite([
            "site.yml": "title: Changes\nbase_url: https://example.org/\nlanguages: [en, fr]\n",
            "content/incidents/a.md": incidentFile(title: "Alpha", extra: "tags: [one]"),
            "content/incidents/b.md": incidentFile(title: "Beta", dateReported: "2023-01-01", extra: "tags: [two]"),
            "content/incidents/b.fr.md": "---\ntitle: Bêta\n---\nTexte.\n",
        ])
        let list = site.root + "/changed.txt"
        // The first build: every file is new.
        let first = try build(site, list: list)
        let before = try snapshot(site)
        #expect(first == before.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })

        // Nothing changed: nothing listed.
        #expect(try build(site, list: list).isEmpty)

        // A body edit, a translation removed: exactly the files whose bytes differ or went.
        try site.write("content/incidents/a.md", incidentFile(title: "Alpha", extra: "tags: [one]", body: "Edited.\n"))
        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/b.fr.md")
        let changed = try build(site, list: list)
        let after = try snapshot(site)
        let expected = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }
        #expect(Set(changed) == expected)
        #expect(changed == changed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(changed.contains("incidents/a/index.html") && changed.contains("fr/incidents/b/index.html"))
        #expect(!changed.contains("incidents/b/index.json") && !changed.contains("assets/style.css"))
    }
}
