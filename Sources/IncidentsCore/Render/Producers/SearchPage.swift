/// `search/index.html`, with search on: Pagefind's interface, through `search`.
struct SearchPage: OutputProducer {
    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        guard build.site.config.search else { return [] }
        return [route(Addresses.search.indexPath, fingerprint: build.fingerprint { $0.combine(build.site.incidents.count) })]
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let language = build.site.language
        let content = Content(count: build.site.incidents.count, language: language)
        try sink.write(build.page("search", content: content, outputPath: route.path,
                                  description: language.text("description_search", ("site", build.site.config.title))), to: route.path)
    }

    /// `count_text` and `lede`.
    struct Content: TemplateObject {
        let count: Int
        let language: SiteLanguage
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "count_text": return .text(language.count("count_incidents", count))
            case "lede": return .text(language.text("search_lede", ("count", language.count("count_incidents", count))))
            default: return nil
            }
        }
    }
}
