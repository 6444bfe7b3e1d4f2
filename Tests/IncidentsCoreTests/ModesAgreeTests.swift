import Foundation
import Testing
@testable import IncidentsCore

/// `build`, `serve` and `check` are modes of one pipeline: on the same files they plan
/// the same routes, write the same bytes and refuse with the same messages.
@Suite(.serialized) struct ModesAgreeTests {
    /// Every file of the disk build, by path.
    private func builtFiles(_ site: TestSite) throws -> [String: [UInt8]] {
        try site.build()
        var files: [String: [UInt8]] = [:]
        // The marker that makes the folder recognisably ours is not part of the site.
        for path in site.outputFiles() where path != ".incidents-output" {
            files[path] = try Array(Data(contentsOf: URL(fileURLWithPath: site.output + "/" + path)))
        }
        return files
    }

    /// The address a browser asks for to get the file at `path`.
    private func address(of path: String) -> String {
        let folder = path == "index.html" ? "" : path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : nil
        return "/" + (folder ?? path).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
    }

    /// `files` as one line each: path, size and a hash of the bytes, so that a failure prints readably.
    private func listing(_ files: [String: [UInt8]]) -> [String] {
        files.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.count) \($0.value.reduce(UInt64(5381)) { ($0 &* 33) &+ UInt64($1) })" }
    }

    /// A page as built, with what serve adds to every HTML page (the live-reload script) taken out.
    private func withoutReloadScript(_ text: String) -> String {
        text.replacingOccurrences(of: #"<script src="/_incidents/live-reload.js" defer></script>"# + "\n", with: "")
    }

    @Test func theThreeModesPlanAndWriteTheSameSite() throws {
        let site = try TestSite(fixture: "basic")
        try site.write("content/incidents/zeta.md", incidentFile(title: "Zeta", extra: "tags: [Privacy]\nsummary: Z.",
                                                                   body: "See [alpha](../alpha/) and [a missing page](../nowhere/).\n"))
        let built = try builtFiles(site)
        #expect(built.count > 30)

        // check: the routes it plans (and resolves links against) are the files build writes.
        let analysis = Pipeline(Pipeline.Options(sourcePath: site.root)).analyse()
        #expect(analysis.errors.isEmpty)
        #expect(analysis.table?.routes.map(\.path).sorted() == built.keys.sorted())
        let check = SiteChecker.check(rootPath: site.root)
        #expect(check.errorCount == 0)
        #expect(check.diagnostics.map(\.description).contains(
            "content/incidents/zeta.md:8:45: body: the link ../nowhere/ leads to incidents/nowhere/, which does not exist"))
        #expect(!check.diagnostics.contains { $0.message.contains("../alpha/") })

        // serve: planned, rendered on demand, kept between runs: the same bytes.
        let kept = Pipeline(Pipeline.Options(sourcePath: site.root, keepsRenderedParts: true))
        var (served, _) = try kept.publishOnDemand(kept.analyse(), carrying: nil)
        #expect(listing(try served.allFiles().mapValues(\.bytes)) == listing(built))

        // serve over HTTP, as a browser gets it.
        let server = try ServeTests.Server(site: site.root)
        for (path, bytes) in built.sorted(by: { $0.key < $1.key }) {
            let response = try server.http.get(address(of: path))
            #expect(response.status == 200, "\(path)")
            let expected = String(decoding: bytes, as: UTF8.self)
            let served = path.hasSuffix(".html") ? withoutReloadScript(response.body) : response.body
            #expect(served == expected, "\(path) is served differently from how it is built")
        }
        _ = server.interrupt()

        // After an edit, serve's next site (carrying what did not change) equals a fresh build.
        try site.write("content/incidents/zeta.md", incidentFile(title: "Zeta renamed", extra: "tags: [Privacy, new-tag]"))
        let report: Pipeline.Report
        (served, report) = try kept.publishOnDemand(kept.analyse(changes: ["content/incidents/zeta.md"]), carrying: served)
        // Every file of the last site was rendered (by allFiles): those unchanged are carried over.
        #expect(served.renderedCount == served.paths.count - report.written.count && served.renderedCount > 20)
        #expect(report.written.contains("incidents/zeta/index.html") && report.written.contains("tags/new-tag/index.html"))
        #expect(listing(try served.allFiles().mapValues(\.bytes)) == listing(try builtFiles(site)))
    }

    /// The example that started the issue: a static file in place of a generated page.
    @Test func theThreeModesRefuseAlike() throws {
        let site = try TestSite(fixture: "basic")
        try site.write("static/index.html", "<p>mine</p>\n")
        try site.write("content/pages/theta.md", "---\ntitle: Theta\nslug: tags\n---\nText.\n")
        try site.write("content/pages/iota.md", "---\ntitle: Iota\nslug: severity\n---\nText.\n")
        let errors = site.errorsInEveryMode()
        #expect(errors == [
            "content/pages/iota.md:3:7: would overwrite the generated page severity/index.html, expected another slug",
            "content/pages/theta.md:3:7: slug: \"tags\" is used by the generator, expected another name than 404.html, assets, entities, feed.json, feed.xml, filter-index.json, i, incidents, incidents.csv, incidents.json, index.html, page, pagefind, robots.txt, schema, search, sitemap.xml, stats, tags",
            "static/index.html:1:1: would overwrite the generated page index.html, expected another file name",
        ])

        // The real `serve` prints them as build does, and serves the overlay instead of the static file.
        let build = try CommandLineTests().run(["build"], in: site.root)
        let server = try ServeTests.Server(site: site.root)
        let page = try server.http.get("/").body
        #expect(!page.contains("<p>mine</p>"))
        for error in errors { #expect(page.contains(error.htmlEscaped) && build.stderr.contains(error)) }
        let deadline = Date().addingTimeInterval(10)
        while !errors.allSatisfy(server.stderr.contains), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        for error in errors { #expect(server.stderr.contains(error)) }
    }
}
