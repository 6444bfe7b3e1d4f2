import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import IncidentsCore

/// The statistics page: charts a screen reader can follow, with their numbers.
@Suite struct StatisticsTests {
    @Test func chartsAndTablesAgree() throws {
        var files: [String: String] = [:]
        let plan: [(String, String, String, String)] = [
            ("2021-05-01", "critical", "Privacy", "alpha, beta"), ("2021-06-01", "low", "Privacy", "alpha"),
            ("2023-01-01", "high", "Bias", "beta"), ("2023-02-01", "high", "Privacy", "alpha, gamma"),
        ]
        for (number, (date, severity, category, tags)) in plan.enumerated() {
            files["content/incidents/i\(number).md"] = incidentFile(title: "I\(number)", severity: severity, dateReported: date,
                                                                   extra: "category: \(category)\ntags: [\(tags)]")
        }
        let page = try #require(try TestSite(files).buildInMemory().text(at: "stats/index.html"))
        #expect(page.contains(#"<li><a href="../stats/">Statistics</a></li>"#))

        let charts = page.components(separatedBy: "<svg").dropFirst().map { "<svg" + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(charts.count == 3, "per year, tags, categories (no industry is set)")
        for chart in charts {
            let svg = try DataAndFeedsTests.parseXML(Array(chart.utf8))
            #expect(svg.attributes("svg").first?["role"] == "img")
            #expect(svg.texts("title").first?.isEmpty == false && svg.texts("desc").first?.isEmpty == false)
        }
        // Per year: 2021 has a critical and a low bar, 2022 none, 2023 two high in one bar.
        let perYear = try DataAndFeedsTests.parseXML(Array(charts[0].utf8))
        #expect(perYear.texts("title").dropFirst().sorted() == ["2021, Critical: 1", "2021, Low: 1", "2023, High: 2"])
        #expect(perYear.texts("text").filter { $0.hasPrefix("20") } == ["2021", "2022", "2023"])
        #expect(page.contains("<tr><th scope=\"row\">2021</th><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td></tr>"))
        #expect(page.contains("<tr><th scope=\"row\">2022</th><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>"))
        #expect(page.contains(#"<ul class="legend" aria-label="Colours">"#))

        // Tags, most used first; bars proportional to counts.
        let tags = try DataAndFeedsTests.parseXML(Array(charts[1].utf8))
        #expect(tags.texts("title").dropFirst().elementsEqual(["alpha: 3", "beta: 2", "gamma: 1"]))
        let widths = tags.attributes("rect").compactMap { $0["width"].flatMap(Double.init) }
        #expect(widths.count == 3 && widths[0] == 360 && widths[1] == 240 && widths[2] == 120)
        #expect(page.contains("<tr><th scope=\"row\">Privacy</th><td>3</td></tr>"))
    }

    @Test func anEmptySiteHasAStatisticsPageToo() throws {
        let page = try #require(try TestSite(["site.yml": "title: Empty\n"]).buildInMemory().text(at: "stats/index.html"))
        #expect(page.contains("<p class=\"count\">0 incidents</p>"))
        #expect(page.contains("No incidents yet."))
    }
}
