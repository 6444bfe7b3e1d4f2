import Foundation
import Testing
@testable import IncidentsCore

/// A listing updated after a watcher's changes is the listing made from scratch.
@Suite struct ListingUpdateTests {
    private func same(_ updated: SiteFiles, _ fresh: SiteFiles, after step: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(updated.incidentFiles == fresh.incidentFiles, "incidents after \(step)", sourceLocation: sourceLocation)
        #expect(updated.pageFiles == fresh.pageFiles, "pages after \(step)", sourceLocation: sourceLocation)
        #expect(updated.templateFiles == fresh.templateFiles, "templates after \(step)", sourceLocation: sourceLocation)
        #expect(updated.staticFiles == fresh.staticFiles, "static files after \(step)", sourceLocation: sourceLocation)
        #expect(updated.hasConfig == fresh.hasConfig, "site.yml after \(step)", sourceLocation: sourceLocation)
        #expect(updated.diagnostics == fresh.diagnostics, "problems after \(step)", sourceLocation: sourceLocation)
        #expect(updated.stamps == fresh.stamps, "stamps after \(step)", sourceLocation: sourceLocation)
    }

    @Test func everyKindOfChangeListsAsAFullListingDoes() throws {
        let site = try TestSite(fixture: "basic")
        let outside = try BoundaryTests.Outside()
        var listing = try SiteFiles(rootPath: site.root)
        let root = site.root
        let steps: [(String, [String], () throws -> Void)] = [
            ("an edit", ["content/incidents/alpha.md"], { try site.write("content/incidents/alpha.md", incidentFile(title: "Edited")) }),
            ("a new incident", ["content/incidents/2023/new.md"], { try site.write("content/incidents/2023/new.md", incidentFile(title: "New")) }),
            ("a deletion", ["content/incidents/gamma.md"], { try FileManager.default.removeItem(atPath: root + "/content/incidents/gamma.md") }),
            ("a hidden file and a swap file", ["content/incidents/.x.md", "content/incidents/.alpha.md.swp", "content/incidents/alpha.md~"], {
                try site.write("content/incidents/.x.md", "hidden")
                try site.write("content/incidents/.alpha.md.swp", "swap")
                try site.write("content/incidents/alpha.md~", "backup")
            }),
            ("a page and a page in a subfolder", ["content/pages/new.md", "content/pages/sub/deep.md"], {
                try site.write("content/pages/new.md", "---\ntitle: New\n---\n")
                try site.write("content/pages/sub/deep.md", "---\ntitle: Deep\n---\n")
            }),
            ("a template and a note beside the templates", ["templates/card.mustache", "templates/notes.txt"], {
                try site.write("templates/card.mustache", "x")
                try site.write("templates/notes.txt", "y")
            }),
            ("static files, hidden ones too", ["static/.well-known/a.txt", "static/b.bin"], {
                try site.write("static/.well-known/a.txt", "a")
                try site.write("static/b.bin", "b")
            }),
            ("a link to a file inside", ["content/incidents/linked.md"], {
                try FileManager.default.createSymbolicLink(atPath: root + "/content/incidents/linked.md", withDestinationPath: root + "/content/incidents/alpha.md")
            }),
            ("site.yml removed and back", ["site.yml"], { try FileManager.default.removeItem(atPath: root + "/site.yml") }),
            ("site.yml back", ["site.yml"], { try site.write("site.yml", "title: Back\n") }),
            ("a link outside (refused)", ["content/incidents/stolen.md"], {
                try FileManager.default.createSymbolicLink(atPath: root + "/content/incidents/stolen.md", withDestinationPath: outside.root + "/folder/stolen.md")
            }),
        ]
        for (step, changes, change) in steps {
            try change()
            let fresh = try SiteFiles(rootPath: root)
            let updated = try #require(listing.updated(after: changes), "\(step): a full listing was needed")
            same(updated, fresh, after: step)
            listing = fresh
        }
        // After a refusal the listing has problems: only a full listing is trusted.
        #expect(listing.updated(after: ["content/incidents/alpha.md"]) == nil)
    }

    @Test func foldersAndOtherNamesNeedAFullListing() throws {
        let site = try TestSite(fixture: "basic")
        let listing = try SiteFiles(rootPath: site.root)
        #expect(listing.updated(after: ["content/incidents/2023/"]) == nil)
        #expect(listing.updated(after: ["content"]) == nil)
        #expect(listing.updated(after: ["content/incidents"]) == nil)
        #expect(listing.updated(after: ["content/incidents/zürich.md"]) == nil)
        try site.write("content/incidents/2031/a.md", incidentFile())
        #expect(listing.updated(after: ["content/incidents/2031/a.md"]) != nil)
        #expect(listing.updated(after: ["content/incidents/2031"]) == nil)
        // Beside the site's folders: nothing to do.
        #expect(listing.updated(after: ["notes.txt", "public/index.html", "content/drafts/x.md"])?.incidentFiles == listing.incidentFiles)
    }
}
