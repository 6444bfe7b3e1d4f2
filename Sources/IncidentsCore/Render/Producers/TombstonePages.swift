/// `incidents/<slug>/index.html` of a tombstone, through `tombstone`: a duplicate links
/// the incident it repeats, a withdrawn report gives the reason. Tombstones are in no
/// list, feed, facet, statistic, search index or sitemap; their records stay in the
/// data downloads.
struct TombstonePages: OutputProducer {
    var listsInSitemap: Bool { false }

    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        build.site.tombstones.indices.map { item in
            let tombstone = build.site.tombstones[item]
            return route(Addresses.incident(tombstone.slug).indexPath, item: item, fingerprint: build.fingerprint { hasher in
                hasher.combine(tombstone.sourcePrint)
                hasher.combine(build.site.tombstoneTargets[item].map { build.linkPrints[$0] })
            })
        }
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let tombstone = build.site.tombstones[route.item]
        var entries: [String: TemplateValue] = [
            "title": .text(tombstone.title),
            "slug": .text(tombstone.slug),
            "id": tombstone.id.map(TemplateValue.number) ?? .null,
            "withdrawn": tombstone.withdrawn.map(TemplateValue.text) ?? .null,
            "withdrawn_text": tombstone.withdrawn.map { .text(build.site.language.text("withdrawn_note", ("reason", $0))) } ?? .null,
            "id_text": tombstone.id.map { .text(build.site.language.text("incident_number", ("id", String($0)))) } ?? .null,
            "duplicate_of": .null,
        ]
        if let target = build.site.tombstoneTargets[route.item] {
            let incident = build.site.incidents[target]
            let language = build.site.language
            let linkText = incident.id.map { language.text("numbered_title", ("id", String($0)), ("title", incident.title)) } ?? incident.title
            let link = "<a href=\"\((build.root(of: route.path) + Addresses.incident(incident.slug).url).htmlEscaped)\">\(linkText.htmlEscaped)</a>"
            // The sentence escaped first, then the link put in: the note is HTML.
            entries["duplicate_note"] = .text(StringCatalogue.fill(language.strings.text("duplicate_note").htmlEscaped, [("link", link)]))
            entries["duplicate_of"] = .object(TemplateRecord([
                "title": .text(incident.title),
                "url": .text(Addresses.incident(incident.slug).url),
                "id": incident.id.map(TemplateValue.number) ?? .null,
                "link_text": .text(incident.id.map { build.site.language.text("numbered_title", ("id", String($0)), ("title", incident.title)) } ?? incident.title),
            ]))
        }
        try sink.write(build.page("tombstone", content: TemplateRecord(["tombstone": .object(TemplateRecord(entries))]),
                                  outputPath: route.path, description: nil), to: route.path)
    }
}
