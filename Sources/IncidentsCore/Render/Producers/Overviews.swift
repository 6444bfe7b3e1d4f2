/// The overviews with counts: every tag (`tags/index.html`, through `tags`) and every
/// value of each facet (`category/index.html`, through `facet`).
struct Overviews: OutputProducer {
    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        var routes = [route(Addresses.tags.indexPath, item: -1, fingerprint: build.fingerprint { hasher in
            for tag in build.site.tags { Self.hash(tag, into: &hasher) }
        })]
        // The entities' overview, once incidents name any.
        if !build.site.entities.isEmpty {
            routes.append(route(Addresses.entities.indexPath, item: -2, fingerprint: build.fingerprint { hasher in
                for entity in build.site.entities {
                    Self.hash(entity.list, into: &hasher)
                    hasher.combine(entity.incidentsByRole.map(\.count))
                }
            }))
        }
        for (index, facet) in build.site.facets.enumerated() {
            routes.append(route(Addresses.facet(facet.field).indexPath, item: index, fingerprint: build.fingerprint { hasher in
                for value in facet.values { Self.hash(value, into: &hasher) }
            }))
        }
        return routes
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let site = build.site, language = site.language, title = ("site", site.config.title)
        if route.item == -2 {
            let content = OverviewContent(listName: "entities", entries: .list(site.entities.map { .object(EntityModel(entity: $0, language: language)) }),
                                          count: site.entities.count, noun: "count_entities", facet: nil, language: language)
            try sink.write(build.page("entities", content: content, outputPath: route.path,
                                      description: language.text("description_entities", title)), to: route.path)
            return
        }
        if route.item < 0 {
            let content = OverviewContent(listName: "tags", entries: .list(site.tags.map { .object(CountedLinkModel(list: $0, url: Addresses.tag($0.slug).url,
                                                                                                                definition: site.definition(of: $0.slug, in: "tags"),
                                                                                                                language: language)) }),
                                          count: site.tags.count, noun: "count_tags", facet: nil, language: language)
            try sink.write(build.page("tags", content: content, outputPath: route.path,
                                      description: language.text("description_tags", title)), to: route.path)
            return
        }
        let facet = site.facets[route.item]
        let entries = facet.values.map { TemplateValue.object(CountedLinkModel(list: $0, url: Addresses.facetValue(facet.field, $0.slug).url,
                                                                               definition: site.definition(of: $0.slug, in: facet.field.key), language: language)) }
        let label = language.label(facet.field)
        let content = OverviewContent(listName: "values", entries: .list(entries), count: facet.values.count, noun: "count_values",
                                      facet: FacetModel(field: facet.field, language: language), language: language)
        try sink.write(build.page("facet", content: content, outputPath: route.path,
                                  description: language.text("description_facet", title, ("field", language.lowercased(label)))),
                       to: route.path)
    }

    private static func hash(_ list: Tag, into hasher: inout Hasher) {
        hasher.combine(list.slug)
        hasher.combine(list.name)
        hasher.combine(list.count)
    }
}
