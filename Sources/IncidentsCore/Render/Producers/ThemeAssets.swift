/// The theme's own files (`assets/style.css`, `assets/favicon.svg`,
/// `assets/filter.js`, and `assets/search.js` with search on), written as they are.
struct ThemeAssets: OutputProducer {
    /// Once for the whole site: every language shares them.
    var isPerLanguage: Bool { false }

    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        Self.assets(build).enumerated().map { index, asset in
            route(asset.path, item: index, fingerprint: build.fingerprint { $0.combine(asset.text) })
        }
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        try sink.write(Array(Self.assets(build)[route.item].text.utf8), to: route.path)
    }

    static func assets(_ build: BuildContext) -> [(path: String, text: String)] {
        var assets = build.templates.assets.sorted { $0.key < $1.key }.map { (path: $0.key, text: $0.value) }
        if build.site.config.search { assets.append(("assets/search.js", BuiltinTheme.searchScript)) }
        return assets
    }
}
