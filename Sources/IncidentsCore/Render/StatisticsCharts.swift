/// The charts of the statistics page, drawn at build time as inline SVG: no
/// script, readable by screen readers (a title and a description on each chart),
/// and each followed by its numbers as a table.
///
/// Colours come from classes the stylesheet defines, so charts follow light and
/// dark mode and need no inline style (which the Content-Security-Policy forbids).
struct StatisticsCharts {
    /// One chart: what the template shows (`charts` in docs/templates.md).
    struct Chart: TemplateObject {
        var id: String
        var title: String
        var description: String
        var svg: String
        var columns: [String]
        var rows: [[String]]
        /// The severities whose badges explain the colours, for charts split by severity.
        var legend: [Severity] = []
        var language: SiteLanguage

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "id": return .text(id)
            case "title": return .text(title)
            case "description": return .text(description)
            case "svg": return .text(svg)
            case "legend": return .list(legend.map { .object(Legend(severity: $0, language: language)) })
            case "has_legend": return .bool(!legend.isEmpty)
            case "columns": return .list(columns.map(TemplateValue.text))
            case "rows": return .list(rows.map { .object(Row(cells: $0)) })
            default: return nil
            }
        }

        /// `{severity}`: one badge of the legend.
        struct Legend: TemplateObject {
            let severity: Severity
            let language: SiteLanguage
            func value(named name: String) -> TemplateValue? { name == "severity" ? .object(SeverityModel(severity, language)) : nil }
        }

        /// `{label, cells}`: one row of the chart's table.
        struct Row: TemplateObject {
            let cells: [String]
            func value(named name: String) -> TemplateValue? {
                switch name {
                case "label": return .text(cells[0])
                case "cells": return .list(cells.dropFirst().map(TemplateValue.text))
                default: return nil
                }
            }
        }
    }

    let site: Site
    var language: SiteLanguage { site.language }

    var charts: [Chart] {
        var charts = [perYear]
        charts.append(bars(id: "tags", title: language.text("chart_top_tags"), firstColumn: language.text("chart_tag"),
                           counts: site.tags.map { ($0.name, $0.count) }, limit: 20))
        for field in ["category", "industry"].compactMap(IncidentField.named) {
            let facet = site.facets.first { $0.field == field } ?? Facet(field: field, incidents: site.incidents)
            let counts = facet.values.map { ($0.name, $0.count) }
            guard !counts.isEmpty else { continue }
            charts.append(bars(id: field.folder, title: language.text("chart_per_field", ("field", language.lowercased(language.label(field)))),
                               firstColumn: language.text("chart_value"), counts: counts, limit: 20))
        }
        return charts
    }

    /// Incidents per year (of occurrence, else report), stacked by severity.
    var perYear: Chart {
        var byYear: [Int: [Int]] = [:]
        // Indices, not elements: binding each Incident would retain all its fields.
        for position in site.incidents.indices {
            let year = site.incidents[position].sortDate.year, rank = site.incidents[position].severity.rank
            byYear[year, default: Array(repeating: 0, count: Severity.allCases.count)][rank] += 1
        }
        let years = byYear.keys.isEmpty ? [] : Array(byYear.keys.min()!...byYear.keys.max()!)
        let totals = years.map { byYear[$0]?.reduce(0, +) ?? 0 }
        let maximum = max(totals.max() ?? 0, 1)
        let plotHeight = 200.0, barWidth = 28.0, gap = 10.0, left = 36.0, top = 10.0
        let width = left + Double(years.count) * (barWidth + gap) + gap
        let height = top + plotHeight + 30
        let title = language.text("chart_per_year")
        let description = years.isEmpty ? language.text("chart_no_incidents")
            : language.text("chart_per_year_text", ("first", String(years.first!)), ("last", String(years.last!)), ("most", language.number(maximum)))
        var svg = Self.open(id: "per-year", width: width, height: height, title: title, description: description)
        svg += axis(left: left, top: top, height: plotHeight, width: width, maximum: maximum)
        for (column, year) in years.enumerated() {
            let x = left + gap + Double(column) * (barWidth + gap)
            var y = top + plotHeight
            for severity in Severity.allCases.reversed() {
                let count = byYear[year]?[severity.rank] ?? 0
                guard count > 0 else { continue }
                let barHeight = plotHeight * Double(count) / Double(maximum)
                y -= barHeight
                svg += "<rect class=\"bar severity-\(severity.rawValue)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(barWidth))\" height=\"\(Self.number(barHeight))\"><title>\(year), \(language.label(severity).htmlEscaped): \(count)</title></rect>\n"
            }
            svg += "<text class=\"label\" x=\"\(Self.number(x + barWidth / 2))\" y=\"\(Self.number(top + plotHeight + 16))\" text-anchor=\"middle\">\(year)</text>\n"
        }
        svg += "</svg>"
        let columns = [language.text("chart_year")] + Severity.allCases.map(language.label) + [language.text("chart_total")]
        let rows = zip(years, totals).map { year, total in
            [String(year)] + Severity.allCases.map { String(byYear[year]?[$0.rank] ?? 0) } + [String(total)]
        }
        return Chart(id: "per-year", title: title, description: description, svg: svg, columns: columns, rows: rows,
                     legend: Severity.allCases, language: language)
    }

    /// Horizontal bars for the `limit` largest counts.
    func bars(id: String, title: String, firstColumn: String, counts: [(String, Int)], limit: Int) -> Chart {
        let shown = counts.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.lowercased() < $1.0.lowercased() }.prefix(limit)
        let maximum = max(shown.first?.1 ?? 0, 1)
        let labelWidth = 190.0, plotWidth = 360.0, rowHeight = 22.0, top = 6.0
        let width = labelWidth + plotWidth + 40, height = top + Double(shown.count) * rowHeight + 6
        let description = shown.isEmpty ? language.text("chart_nothing")
            : language.text("chart_bars_text", ("count", language.number(shown.count)), ("label", shown.first!.0), ("value", language.number(shown.first!.1)))
        var svg = Self.open(id: id, width: width, height: height, title: title, description: description)
        for (row, (label, count)) in shown.enumerated() {
            let y = top + Double(row) * rowHeight
            let barWidth = max(plotWidth * Double(count) / Double(maximum), 1)
            let shortLabel = label.count > 28 ? String(label.prefix(27)) + "…" : label
            svg += "<text class=\"label\" x=\"\(Self.number(labelWidth - 8))\" y=\"\(Self.number(y + 15))\" text-anchor=\"end\">\(shortLabel.htmlEscaped)</text>\n"
            svg += "<rect class=\"bar\" x=\"\(Self.number(labelWidth))\" y=\"\(Self.number(y + 3))\" width=\"\(Self.number(barWidth))\" height=\"\(Self.number(rowHeight - 6))\"><title>\(label.htmlEscaped): \(count)</title></rect>\n"
            svg += "<text class=\"value\" x=\"\(Self.number(labelWidth + barWidth + 6))\" y=\"\(Self.number(y + 15))\">\(count)</text>\n"
        }
        svg += "</svg>"
        return Chart(id: id, title: title, description: description, svg: svg, columns: [firstColumn, language.text("chart_incidents")],
                     rows: shown.map { [$0.0, String($0.1)] }, language: language)
    }

    private func axis(left: Double, top: Double, height: Double, width: Double, maximum: Int) -> String {
        var svg = ""
        for step in Set([0, maximum / 2, maximum]).sorted() {
            let y = top + height - height * Double(step) / Double(maximum)
            svg += "<line class=\"grid\" x1=\"\(Self.number(left))\" x2=\"\(Self.number(width))\" y1=\"\(Self.number(y))\" y2=\"\(Self.number(y))\"/>\n"
            svg += "<text class=\"label\" x=\"\(Self.number(left - 6))\" y=\"\(Self.number(y + 4))\" text-anchor=\"end\">\(step)</text>\n"
        }
        return svg
    }

    private static func open(id: String, width: Double, height: Double, title: String, description: String) -> String {
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(number(width)) \(number(height))\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n"
            + "<title id=\"\(id)-title\">\(title.htmlEscaped)</title>\n<desc id=\"\(id)-desc\">\(description.htmlEscaped)</desc>\n"
    }

    /// Coordinates with at most one decimal, so the SVG stays small and stable.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
