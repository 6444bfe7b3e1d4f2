/// `search/index.html`, with search on: Pagefind's interface, through `search`.
struct SearchPage: OutputProducer {
    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        guard build.site.config.search else { return [] }
        return [route(Addresses.search.indexPath, fingerprint: build.fingerprint { $0.combine(build.site.incidents.count) })]
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let content = Content(count: build.site.incidents.count)
        try sink.write(build.page("search", content: content, outputPath: route.path,
                                  description: "Search the incidents of \(build.site.config.title)."), to: route.path)
    }

    /// `count_text`.
    struct Content: TemplateObject {
        let count: Int
        func value(named name: String) -> TemplateValue? { name == "count_text" ? .text(Count.text(count, "incident")) : nil }
    }
}
