/// The files of `static/`, copied as they are to the same path in the output.
struct StaticFiles: OutputProducer {
    /// Once for the whole site: every language shares them.
    var isPerLanguage: Bool { false }

    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        build.site.staticFiles.indices.map { index in
            let path = build.site.staticFiles[index]
            let source = "static/" + path
            // Its own size, time and inode only: a template or setting changes no static file.
            return route(path, item: index,
                         origin: Route.Origin(location: SourceLocation(file: source, line: 1, column: 1), name: source, hint: "expected another file name"),
                         fingerprint: build.files.stamps[source] ?? path.hashValue)
        }
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        try sink.copy("static/" + build.site.staticFiles[route.item], from: build.files, to: route.path)
    }
}
