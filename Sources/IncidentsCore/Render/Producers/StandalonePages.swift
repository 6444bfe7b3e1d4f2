/// `<slug>/index.html`: each page of `content/pages/`, through `page`.
struct StandalonePages: OutputProducer {
    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        build.site.pages.indices.map { index in
            let page = build.site.pages[index]
            return route(Addresses.page(page.slug).indexPath, item: index,
                         origin: Route.Origin(location: page.slugLocation, name: page.sourcePath, hint: page.clashAdvice),
                         fingerprint: build.sitePrint)
        }
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let page = build.site.pages[route.item]
        let content = Content(title: page.title, slug: page.slug, body: build.markdown.render(page.body))
        try sink.write(build.page("page", content: content, outputPath: route.path, description: page.summary), to: route.path)
    }

    /// `page`: `{title, slug, body}`.
    struct Content: TemplateObject {
        let title: String
        let slug: String
        let body: String

        func value(named name: String) -> TemplateValue? {
            name == "page" ? .object(Page(content: self)) : nil
        }

        struct Page: TemplateObject {
            let content: Content
            func value(named name: String) -> TemplateValue? {
                switch name {
                case "title": return .text(content.title)
                case "slug": return .text(content.slug)
                case "body": return .text(content.body)
                default: return nil
                }
            }
        }
    }
}
