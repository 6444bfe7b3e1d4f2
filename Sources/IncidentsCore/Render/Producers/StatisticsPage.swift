/// `stats/index.html`: incidents per year by severity, the most used tags, and the
/// incidents per category and industry, as charts with their tables, through `stats`.
struct StatisticsPage: OutputProducer {
    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        [route(Addresses.statistics.indexPath, fingerprint: build.fingerprint { hasher in
            hasher.combine(build.site.incidents.count)
            build.linkPrints.forEach { hasher.combine($0) }
            for incident in build.site.incidents {
                hasher.combine(incident.category)
                hasher.combine(incident.industry)
            }
        })]
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let charts = StatisticsCharts(site: build.site).charts
        let language = build.site.language
        let content = Content(charts: .list(charts.map(TemplateValue.object)), count: build.site.incidents.count, language: language)
        try sink.write(build.page("stats", content: content, outputPath: route.path,
                                  description: language.text("description_statistics", ("site", build.site.config.title))),
                       to: route.path)
    }

    /// `charts` and `count_text`.
    struct Content: TemplateObject {
        let charts: TemplateValue
        let count: Int
        let language: SiteLanguage

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "charts": return charts
            case "count_text": return .text(language.count("count_incidents", count))
            default: return nil
            }
        }
    }
}
