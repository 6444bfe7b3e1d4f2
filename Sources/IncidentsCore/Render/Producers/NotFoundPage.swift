import Foundation

/// `404.html`, through `404`: served by static hosts at any address, so its links
/// start from the site's own path (from `base_url`, else `/`), not a relative root.
struct NotFoundPage: OutputProducer {
    /// Hosts serve one `404.html`, at the root, in the default language.
    var isPerLanguage: Bool { false }

    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        [route("404.html", fingerprint: build.sitePrint)]
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let root = build.site.config.baseURL.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
        let model = PageModel(site: build.siteModel, root: root, siteRoot: root, nav: build.nav, description: build.site.config.description,
                              strings: build.strings, translations: [], content: TemplateRecord([:]))
        try sink.write(build.templates.renderBytes("404", .object(model)), to: route.path)
    }
}
