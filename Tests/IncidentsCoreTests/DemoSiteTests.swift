import Foundation
import Testing
@testable import IncidentsCore

/// The repository's own demo site (content/, templates/, site.yml) builds cleanly.
@Suite struct DemoSiteTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func demoSiteBuildsAndEveryInternalLinkResolves() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("incidents-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let summary = try SiteBuilder.build(BuildOptions(sourcePath: Self.repositoryRoot, outputPath: output))
        #expect(summary.incidents >= 15)
        #expect(summary.tags >= 25)
        let broken = brokenLinks(in: output, sitePath: "/incidents/")
        #expect(broken.isEmpty, "\(broken)")
    }

    @Test func demoContentSpansEverySeverityAndSeveralYears() throws {
        let site = try #require(Pipeline(Pipeline.Options(sourcePath: Self.repositoryRoot)).analyse().build?.site)
        #expect(Set(site.incidents.map(\.severity)) == Set(Severity.allCases))
        #expect(Set(site.incidents.map(\.sortDate.year)).count >= 5)
        #expect(site.incidents.allSatisfy { !$0.sources.isEmpty })
        // No key outside the contract: a typo would show up here (build never warns).
        #expect(site.incidents.allSatisfy { $0.extraParams.isEmpty }, "\(site.incidents.filter { !$0.extraParams.isEmpty }.map(\.sourcePath))")
    }
}
