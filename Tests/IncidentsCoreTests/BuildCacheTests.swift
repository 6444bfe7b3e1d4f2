import Foundation
import Testing
@testable import IncidentsCore

/// `build --cache DIR`: whatever the cache folder holds, the output is the same as a
/// build without it; and after a small change, only what changed is parsed and written.
@Suite struct BuildCacheTests {
    /// Every file of `folder` with its bytes, the marker (a new token each build) left out.
    private func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            guard path != DiskOutput.markerName, enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
        }
        return files
    }

    /// Every folder of `folder` (a build from nothing leaves none empty).
    private func folders(_ folder: String) -> Set<String> {
        var found = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { found.insert(path) }
        }
        return found
    }

    @discardableResult
    private func cachedBuild(_ site: TestSite, cache: String, drafts: Bool = false, changedList: String? = nil) throws -> BuildSummary {
        var options = BuildOptions(sourcePath: site.root, includeDrafts: drafts)
        options.cachePath = cache
        options.changedListPath = changedList
        return try SiteBuilder.build(options)
    }

    /// The cached build's output against a build from nothing of the same files.
    private func expectSameAsWithoutCache(_ site: TestSite, drafts: Bool = false, _ comment: Comment, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let reference = site.root + "/../" + (site.root as NSString).lastPathComponent + "-reference"
        defer { try? FileManager.default.removeItem(atPath: reference) }
        try SiteBuilder.build(BuildOptions(sourcePath: site.root, outputPath: reference, includeDrafts: drafts))
        let cached = try snapshot(site.output), expected = try snapshot(reference)
        #expect(cached.keys.sorted() == expected.keys.sorted(), comment, sourceLocation: sourceLocation)
        for (path, bytes) in expected where cached[path] != bytes {
            Issue.record("\(comment): \(path) differs from a build without the cache", sourceLocation: sourceLocation)
        }
        #expect(folders(site.output) == folders(reference), comment, sourceLocation: sourceLocation)
    }

    private func makeSite() throws -> TestSite {
        try TestSite([
            "site.yml": "title: Cached\nbase_url: https://example.org/\nper_page: 2\nlanguages: [en, fr]\n",
            "content/incidents/a.md": incidentFile(title: "Alpha", extra: "tags: [one, shared]\ncategory: Privacy"),
            "content/incidents/b.md": incidentFile(title: "Beta", dateReported: "2023-01-01", extra: "tags: [two, shared]"),
            "content/incidents/b.fr.md": "---\ntitle: Bêta\n---\nTexte.\n",
            "content/incidents/2022/c.md": incidentFile(title: "Gamma", dateReported: "2022-05-01", extra: "tags: [three]"),
            "content/incidents/d.md": incidentFile(title: "Delta draft", extra: "draft: true"),
            "content/pages/about.md": "---\ntitle: About\n---\nAbout us.\n",
            "static/robots-note.txt": "hello\n",
        ])
    }

    @Test func cachedBuildsMatchBuildsWithoutTheCacheAcrossChanges() throws {
        let site = try makeSite()
        let cache = site.root + "/.cache"
        let first = try cachedBuild(site, cache: cache)
        #expect(first.cacheReport?.contains("0 of 5 incident files reused") == true, "\(first.cacheReport ?? "")")
        try expectSameAsWithoutCache(site, "first build")

        // Nothing changed: every file reused, nothing written.
        let again = try cachedBuild(site, cache: cache)
        #expect(again.cacheReport?.contains("5 of 5 incident files reused") == true, "\(again.cacheReport ?? "")")
        #expect(again.filesWritten == 0)
        try expectSameAsWithoutCache(site, "no change")

        // A body edit: one file parsed again (and its translation), a few written in place.
        try site.write("content/incidents/b.md", incidentFile(title: "Beta", dateReported: "2023-01-01", extra: "tags: [two, shared]", body: "Edited.\n"))
        let edited = try cachedBuild(site, cache: cache)
        #expect(edited.cacheReport?.contains("3 of 5 incident files reused") == true, "\(edited.cacheReport ?? "")")
        #expect(edited.filesWritten > 0 && edited.filesWritten < first.filesWritten / 2)
        try expectSameAsWithoutCache(site, "body edit")

        let changes: [(String, () throws -> Void)] = [
            ("title edit", { try site.write("content/incidents/a.md", incidentFile(title: "Alpha renamed", extra: "tags: [one, shared]\ncategory: Privacy")) }),
            ("deletion", { try FileManager.default.removeItem(atPath: site.root + "/content/incidents/2022/c.md") }),
            ("rename", { try FileManager.default.moveItem(atPath: site.root + "/content/incidents/a.md", toPath: site.root + "/content/incidents/alpha.md") }),
            ("new incident", { try site.write("content/incidents/e.md", incidentFile(title: "Epsilon", extra: "tags: [new-tag]")) }),
            ("translation removed", { try FileManager.default.removeItem(atPath: site.root + "/content/incidents/b.fr.md") }),
            ("template", { try site.write("templates/footer.mustache", "<footer>Cached footer</footer>\n") }),
            ("site.yml", { try site.write("site.yml", "title: Cached and renamed\nbase_url: https://example.org/\nper_page: 3\nlanguages: [en, fr]\n") }),
            ("vocabulary", { try site.write("vocabularies/category.yml", "- value: Privacy\n  description: Personal data.\n") }),
            ("static file", { try site.write("static/robots-note.txt", "changed\n") }),
            ("page", { try site.write("content/pages/about.md", "---\ntitle: About us\n---\nMore about us.\n") }),
        ]
        for (name, change) in changes {
            try change()
            try cachedBuild(site, cache: cache)
            try expectSameAsWithoutCache(site, Comment(rawValue: name))
        }
        // Drafts on, then off again: another set of flags is another cache.
        let drafts = try cachedBuild(site, cache: cache, drafts: true)
        #expect(drafts.cacheReport?.contains("nothing reused") == true, "\(drafts.cacheReport ?? "")")
        try expectSameAsWithoutCache(site, drafts: true, "drafts")
        try cachedBuild(site, cache: cache)
        try expectSameAsWithoutCache(site, "drafts off")
    }

    @Test func aDamagedOrForeignCacheIsNeverTrusted() throws {
        let site = try makeSite()
        let cache = site.root + "/.cache"
        let file = cache + "/" + BuildCache.indexName
        try cachedBuild(site, cache: cache)
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        try site.write("content/incidents/a.md", incidentFile(title: "Alpha edited", extra: "tags: [one, shared]\ncategory: Privacy"))

        var damaged: [(String, Data)] = [("empty", Data()), ("garbage", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))]
        for length in [7, 20, whole.count / 3, whole.count / 2, whole.count - 1] { damaged.append(("truncated to \(length)", whole.prefix(length))) }
        for offset in [whole.count / 4, whole.count / 2, whole.count - 9] {
            var flipped = whole
            flipped[offset] ^= 0x40
            damaged.append(("byte \(offset) changed", flipped))
        }
        for (name, bytes) in damaged {
            try bytes.write(to: URL(fileURLWithPath: file))
            let summary = try cachedBuild(site, cache: cache)
            #expect(summary.cacheReport?.contains("nothing reused") == true, "\(name): \(summary.cacheReport ?? "")")
            try expectSameAsWithoutCache(site, Comment(rawValue: name))
        }

        // A segment damaged after its index was written: what fails its checksum is not used.
        try cachedBuild(site, cache: cache)
        for segment in try FileManager.default.contentsOfDirectory(atPath: cache) where segment.hasPrefix("segment-") {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: cache + "/" + segment))
            for offset in stride(from: 0, to: bytes.count, by: 97) { bytes[offset] ^= 0x20 }
            try bytes.write(to: URL(fileURLWithPath: cache + "/" + segment))
        }
        try site.write("content/incidents/a.md", incidentFile(title: "Alpha edited again", extra: "tags: [one, shared]\ncategory: Privacy"))
        try cachedBuild(site, cache: cache)
        try expectSameAsWithoutCache(site, "damaged segment")
        try cachedBuild(site, cache: cache)
        try expectSameAsWithoutCache(site, "after a damaged segment")

        // Another site's cache: its entries do not match these files, its output is elsewhere.
        let other = try TestSite([
            "content/incidents/a.md": incidentFile(title: "Someone else's", extra: "tags: [one]"),
            "content/incidents/z.md": incidentFile(title: "Zeta"),
        ])
        try cachedBuild(other, cache: cache)
        let foreign = try cachedBuild(site, cache: cache)
        #expect(foreign.cacheReport?.contains("0 of 5 incident files reused") == true, "\(foreign.cacheReport ?? "")")
        try expectSameAsWithoutCache(site, "another site's cache")
    }

    @Test func anOutputChangedBehindTheCacheIsWrittenWhole() throws {
        let site = try makeSite()
        let cache = site.root + "/.cache"
        try cachedBuild(site, cache: cache)
        // Rebuilt without the cache: a new token, so the cache's list no longer describes it.
        try site.write("content/incidents/a.md", incidentFile(title: "Alpha 2", extra: "tags: [one, shared]\ncategory: Privacy"))
        try site.build()
        try site.write("content/incidents/a.md", incidentFile(title: "Alpha 3", extra: "tags: [one, shared]\ncategory: Privacy"))
        let whole = try cachedBuild(site, cache: cache)
        #expect(whole.cacheReport?.contains("in place") == false)
        try expectSameAsWithoutCache(site, "rebuilt without the cache in between")

        // An update interrupted half-way: the marker says so, and the next build is whole.
        try Data(DiskOutput.marker(token: "updating")).write(to: URL(fileURLWithPath: site.output + "/" + DiskOutput.markerName))
        try "stale".write(toFile: site.output + "/index.html", atomically: true, encoding: .utf8)
        let recovered = try cachedBuild(site, cache: cache)
        #expect(recovered.cacheReport?.contains("in place") == false)
        try expectSameAsWithoutCache(site, "after an interrupted update")

        // The output folder deleted: written whole, parses still reused.
        try FileManager.default.removeItem(atPath: site.output)
        let fresh = try cachedBuild(site, cache: cache)
        #expect(fresh.cacheReport?.contains("5 of 5 incident files reused") == true, "\(fresh.cacheReport ?? "")")
        try expectSameAsWithoutCache(site, "output deleted")
    }

    @Test func theChangedListOfAnInPlaceBuildIsExact() throws {
        let site = try makeSite()
        let cache = site.root + "/.cache"
        let list = site.root + "/changed.txt"
        try cachedBuild(site, cache: cache)
        let before = try snapshot(site.output)
        try site.write("content/incidents/b.md", incidentFile(title: "Beta", dateReported: "2023-01-01", extra: "tags: [two, shared]", body: "Edited.\n"))
        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/2022/c.md")
        let summary = try cachedBuild(site, cache: cache, changedList: list)
        #expect(summary.cacheReport?.contains("in place") == true, "\(summary.cacheReport ?? "")")
        let listed = try String(contentsOfFile: list, encoding: .utf8).split(separator: "\n").map(String.init)
        let after = try snapshot(site.output)
        let expected = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }
        #expect(Set(listed) == expected)
        #expect(listed == listed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(listed.contains("incidents/c/index.html"))
    }

    @Test func buildsSharingACacheAtOnceLeaveItUsable() throws {
        let site = try makeSite()
        let cache = site.root + "/.cache"
        try cachedBuild(site, cache: cache)
        let outputs = (0..<4).map { site.root + "/out-\($0)" }
        let failures = FirstError()
        let root = site.root
        DispatchQueue.concurrentPerform(iterations: outputs.count) { index in
            do {
                var options = BuildOptions(sourcePath: root, outputPath: outputs[index])
                options.cachePath = cache
                try SiteBuilder.build(options)
            } catch {
                failures.record(error)
            }
        }
        #expect(failures.error == nil, "\(failures.error.map { "\($0)" } ?? "")")
        let reference = try snapshot(outputs[0])
        for output in outputs.dropFirst() { #expect(try snapshot(output) == reference) }
        // The cache is whole afterwards: the next build takes every file from it.
        let next = try cachedBuild(site, cache: cache)
        #expect(next.cacheReport?.contains("5 of 5 incident files reused") == true, "\(next.cacheReport ?? "")")
        try expectSameAsWithoutCache(site, "after concurrent builds")
    }

    @Test func aCacheFolderTheBuildWouldReadOrReplaceIsRefused() throws {
        let site = try makeSite()
        for (folder, expected) in [("static/cache", "is inside the site's static/ folder"), ("content/cache", "is inside the site's content/ folder"),
                                   ("public/cache", "is inside the output folder"), (".", "contains the site folder")] {
            var options = BuildOptions(sourcePath: site.root)
            options.cachePath = site.root + "/" + folder
            #expect {
                try SiteBuilder.build(options)
            } throws: { error in
                (error as? BuildFailure)?.diagnostics.first?.message.hasPrefix(expected) == true
            }
        }
        #expect(!FileManager.default.fileExists(atPath: site.root + "/static/cache"))
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    /// The cache writes every stored property of an incident by hand: a property added
    /// to `Incident` must be added there too, or cached builds would lose it.
    @Test func everyFieldOfAnIncidentReadsBackFromTheCache() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let folder = root + "/content/incidents"
        var checked = 0
        let names = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasSuffix(".fr.md") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let (parsed, warnings) = IncidentParser.parseReportingWarnings(text, path: "content/incidents/" + name, vocabularies: [:], translating: nil)
            guard case .success(var incident) = parsed else { continue }
            incident.body = .inline("")  // kept beside the outcome, not in it
            incident.modified = "2024-03-01T10:00:00+01:00"
            incident.translation = Translation(sourcePath: "content/incidents/x.md", machineTranslated: true, translatedFrom: "abc",
                                               translatedFromLocation: SourceLocation(file: "x", line: 2, column: 3), isOutdated: true)
            let stored = ParsedFile.Stored(incident: incident, isDraft: incident.draft, warnings: warnings, links: [], fingerprint: "f")
            var writer = ByteWriter()
            writer.put(stored)
            let back = try writer.bytes.withUnsafeBytes { bytes in
                var reader = ByteReader(bytes)
                return try reader.get(ParsedFile.Stored.self)
            }
            var original = "", copy = ""
            dump(stored, to: &original)
            dump(back, to: &copy)
            #expect(copy == original, "\(name)")
            #expect(Mirror(reflecting: incident).children.count == Incident.cachedPropertyCount)
            checked += 1
        }
        #expect(checked > 10)
    }
}
