/// Pages that send readers on to an incident's page, through `redirect`: its permalink
/// `i/<id>/` (an address that survives a change of slug) and each of its `aliases`
/// (old addresses). A meta refresh, a canonical link and a visible link: no script,
/// so they work without JavaScript and under the site's Content-Security-Policy.
struct Redirects: OutputProducer {
    var listsInSitemap: Bool { false }

    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        var routes: [Route] = []
        for item in 0..<build.site.recordCount {
            let incident = build.site.record(item)
            let fingerprint = build.fingerprint { hasher in
                hasher.combine(incident.slug)
                hasher.combine(incident.title)
                hasher.combine(incident.id)
            }
            if let id = incident.id {
                routes.append(route(Self.permalink(id).indexPath, item: item, part: 0, fingerprint: fingerprint))
            }
            for (index, alias) in incident.aliases.enumerated() {
                let origin = Route.Origin(location: alias.location, name: incident.sourcePath,
                                          hint: "expected an old address that no page of the site uses (or remove the alias)")
                routes.append(route(alias.outputPath, item: item, part: index + 1, origin: origin, fingerprint: fingerprint))
            }
        }
        return routes
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let incident = build.site.record(route.item)
        let url = Addresses.incident(incident.slug).url
        let root = build.root(of: route.path)
        let model = TemplateRecord([
            "title": .text(incident.title),
            "url": .text(url),
            "id": incident.id.map(TemplateValue.number) ?? .null,
            "link_text": .text(incident.id.map { build.site.language.text("numbered_title", ("id", String($0)), ("title", incident.title)) } ?? incident.title),
            "canonical_url": .text(build.site.config.baseURL.map { $0 + url } ?? root + url),
        ])
        try sink.write(build.page("redirect", content: TemplateRecord(["redirect": .object(model)]), outputPath: route.path,
                                  description: nil), to: route.path)
    }

    /// `i/<id>/`: the permalink of incident number `id`.
    static func permalink(_ id: Int) -> Addresses.Folder { Addresses.Folder(segments: ["i", String(id)]) }

}
