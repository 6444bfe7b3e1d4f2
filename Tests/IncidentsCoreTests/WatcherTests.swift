import Foundation
import Testing
@testable import IncidentsCore

/// Both watchers see the changes an editor, `git` or a file manager makes; file events
/// report only what is inside the site's folders.
@Suite struct WatcherTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case fileEvents, polling
        var testDescription: String { rawValue }
    }

    private func watcher(_ kind: Kind, _ site: TestSite) throws -> SiteWatcher {
        switch kind {
        case .fileEvents: try InotifyWatcher(rootPath: site.root)
        case .polling: PollingWatcher(rootPath: site.root, interval: .milliseconds(20))
        }
    }

    /// What the watcher reports until every path of `expected` was among it (or 5 s passed).
    private func changes(_ watcher: SiteWatcher, until expected: Set<String>) -> Set<String> {
        changes(watcher) { expected.isSubset(of: $0) }
    }

    /// What the watcher reports until `enough` says so (or 5 s passed).
    private func changes(_ watcher: SiteWatcher, until enough: (Set<String>) -> Bool) -> Set<String> {
        var seen = Set<String>()
        let deadline = ContinuousClock.now + .seconds(5)
        while !enough(seen), ContinuousClock.now < deadline {
            if case .files(let paths) = watcher.wait(timeout: .milliseconds(500)) { seen.formUnion(paths) }
        }
        return seen
    }

    /// Changes that arrive within `time`, none expected.
    private func quiet(_ watcher: SiteWatcher, for time: Duration = .milliseconds(150)) -> Set<String> {
        var seen = Set<String>()
        let deadline = ContinuousClock.now + time
        while ContinuousClock.now < deadline {
            if case .files(let paths) = watcher.wait(timeout: deadline - ContinuousClock.now) { seen.formUnion(paths) }
        }
        return seen
    }

    @Test(arguments: Kind.allCases) func editsSavesByRenameAndDeletions(_ kind: Kind) throws {
        let site = try TestSite(fixture: "basic")
        let watcher = try watcher(kind, site)
        #expect(quiet(watcher).isEmpty)

        try site.write("content/incidents/alpha.md", incidentFile(title: "Alpha edited"))
        #expect(changes(watcher, until: ["content/incidents/alpha.md"]).contains("content/incidents/alpha.md"))

        // As vim and most editors save: a new file renamed over the old one.
        try site.write("content/incidents/.gamma.md.tmp", incidentFile(title: "Gamma saved"))
        #expect(rename(site.root + "/content/incidents/.gamma.md.tmp", site.root + "/content/incidents/gamma.md") == 0)
        #expect(changes(watcher, until: ["content/incidents/gamma.md"]).contains("content/incidents/gamma.md"))

        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/delta.md")
        #expect(changes(watcher, until: ["content/incidents/delta.md"]).contains("content/incidents/delta.md"))

        try site.write("site.yml", "title: Changed\n")
        #expect(changes(watcher, until: ["site.yml"]).contains("site.yml"))
    }

    @Test(arguments: Kind.allCases) func foldersCreatedOrMovedInAreWatchedToo(_ kind: Kind) throws {
        let site = try TestSite(fixture: "basic")
        let watcher = try watcher(kind, site)

        // Made and filled at once, before a watcher can have a watch on the new folder.
        try site.write("content/incidents/2030/a/new.md", incidentFile(title: "New"))
        #expect(changes(watcher, until: ["content/incidents/2030/a/new.md"]).contains("content/incidents/2030/a/new.md"))
        try site.write("content/incidents/2030/a/later.md", incidentFile(title: "Later"))
        #expect(changes(watcher, until: ["content/incidents/2030/a/later.md"]).contains("content/incidents/2030/a/later.md"))

        // A folder of incidents moved in from elsewhere.
        let outside = try TestSite(["batch/one.md": incidentFile(title: "One"), "batch/deep/two.md": incidentFile(title: "Two")])
        #expect(rename(outside.root + "/batch", site.root + "/content/incidents/batch") == 0)
        let moved: Set = ["content/incidents/batch/one.md", "content/incidents/batch/deep/two.md"]
        #expect(moved.isSubset(of: changes(watcher, until: moved)))

        // Moved out again: the folder is reported, and later changes out there are not.
        #expect(rename(site.root + "/content/incidents/batch", outside.root + "/batch") == 0)
        // File events name the folder, polling the files that were in it.
        let gone = changes(watcher) { $0.contains { $0.hasPrefix("content/incidents/batch") } }
        #expect(gone.contains { $0.hasPrefix("content/incidents/batch") })
        try outside.write("batch/one.md", incidentFile(title: "One, edited out of the site"))
        #expect(quiet(watcher).isEmpty)
    }

    @Test(arguments: Kind.allCases) func onlyTheSitesFoldersCount(_ kind: Kind) throws {
        let site = try TestSite(fixture: "basic")
        let watcher = try watcher(kind, site)
        try site.write("public/index.html", "built elsewhere")
        try site.write("notes.txt", "an editor's notes beside the site")
        #expect(quiet(watcher).isEmpty)
        try site.write("templates/footer.mustache", "<footer>new</footer>\n")
        try site.write("static/.well-known/security.txt", "Contact: x\n")
        let expected: Set = ["templates/footer.mustache", "static/.well-known/security.txt"]
        #expect(expected.isSubset(of: changes(watcher, until: expected)))
    }

    @Test(arguments: Kind.allCases) func aLinkedFileChangesWithItsTarget(_ kind: Kind) throws {
        let site = try TestSite(fixture: "basic")
        try site.write("shared/text.md", incidentFile(title: "Shared"))
        try site.write("content/incidents/shared/keep.md", incidentFile(title: "Keep"))
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/incidents/linked.md",
                                                   withDestinationPath: site.root + "/content/incidents/shared/keep.md")
        let watcher = try watcher(kind, site)
        try site.write("content/incidents/shared/keep.md", incidentFile(title: "Keep, edited"))
        #expect(changes(watcher, until: ["content/incidents/linked.md"]).contains("content/incidents/linked.md"))
    }

    @Test(arguments: Kind.allCases) func stopEndsAWait(_ kind: Kind) throws {
        let site = try TestSite(fixture: "basic")
        let watcher = try watcher(kind, site)
        let started = ContinuousClock.now
        // A thread of its own: the test's thread blocks in `wait`, as serve's watcher does.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.1)
            watcher.stop()
        }
        #expect(watcher.wait(timeout: .seconds(10)) == .stopped)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(watcher.wait(timeout: .seconds(10)) == .stopped)
    }

    @Test func pollingIsTheFallbackWhenAsked() throws {
        let site = try TestSite(fixture: "basic")
        let (polling, note) = SiteWatchers.make(rootPath: site.root, pollInterval: .milliseconds(300))
        #expect(polling is PollingWatcher && note == nil && polling.method == "polling every 300 ms")
        let (events, _) = SiteWatchers.make(rootPath: site.root, pollInterval: nil)
        #expect(events is InotifyWatcher && events.method == "file events")
    }
}
