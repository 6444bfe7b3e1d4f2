/// The pages of each list of incidents, `per_page` cards each: the index
/// (`index.html`, `page/2/index.html` …) through `index`, a tag's
/// (`tags/<slug>/…`) through `tag`, a facet value's (`category/privacy/…`) through
/// `facet-value`.
struct ListPages: OutputProducer {
    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        var routes: [Route] = []
        for (index, list) in build.lists.enumerated() {
            let pagination = Self.pagination(list, build)
            let heading = Self.headingPrint(list, build)
            for page in 1...pagination.pageCount {
                routes.append(route(list.folder.page(page).indexPath, item: index, part: page, fingerprint: build.fingerprint { hasher in
                    hasher.combine(heading)
                    hasher.combine(page)
                    hasher.combine(pagination.pageCount)
                    hasher.combine(list.members.count)
                    for position in pagination.itemRange(page: page) { hasher.combine(build.incidentPrints[list.members[position]]) }
                }))
            }
        }
        return routes
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let list = build.lists[route.item]
        let pagination = Self.pagination(list, build)
        let root = build.root(of: route.path)
        let language = build.site.language
        let range = pagination.itemRange(page: route.part)
        let cards = TemplateValue.list(range.map { .object(build.card(list.members[$0], root: root)) })
        var (template, heading, description) = Self.heading(list, build)
        if case .entity(let index) = list.kind {
            // The page's incidents grouped by the role the entity had in each.
            let entity = build.site.entities[index]
            let onPage = Set(range.map { list.members[$0] })
            let roles = Entity.Role.allCases.compactMap { role -> TemplateValue? in
                let members = entity.incidentsByRole[role.rawValue].filter(onPage.contains)
                guard !members.isEmpty else { return nil }
                return .object(TemplateRecord([
                    "label": .text(language.label(role)), "key": .text(role.key), "heading": .text(language.text("role_heading_" + role.textKey)),
                    "incidents": .list(members.map { .object(build.card($0, root: root)) }),
                ]))
            }
            heading.append(("roles", .list(roles)))
            if let profile = entity.profile {
                // What the site says about the entity (content/entities/<slug>.md), on its first page.
                if route.part == 1, !profile.body.trimmingWhitespace().isEmpty { heading.append(("about_html", .text(build.markdown.render(profile.body)))) }
                if let website = profile.website { heading.append(("website", .text(website))) }
                if !profile.alsoKnownAs.isEmpty {
                    heading.append(("also_known_as", .text(language.text("also_known_as", ("names", profile.alsoKnownAs.joined(separator: ", "))))))
                }
            }
        }
        let content = ListPageContent(heading: heading, cards: cards, pagination: pagination.model(page: route.part, language: language),
                                      count: list.members.count, language: language)
        try sink.write(build.page(template, content: content, outputPath: route.path, description: description), to: route.path)
    }

    static func pagination(_ list: IncidentList, _ build: BuildContext) -> Pagination {
        Pagination(folder: list.folder, itemCount: list.members.count, perPage: build.site.config.perPage)
    }

    /// The list's template, the values of its heading and its page description.
    static func heading(_ list: IncidentList, _ build: BuildContext) -> (String, [(String, TemplateValue)], String?) {
        let site = build.site, language = site.language, title = ("site", site.config.title)
        switch list.kind {
        case .index:
            return ("index", [], nil)
        case .tag(let index):
            let tag = site.tags[index]
            return ("tag", [("tag", .object(CountedLinkModel(list: tag, url: list.folder.url, definition: site.definition(of: tag.slug, in: "tags"), language: language))),
                            ("heading", .text(language.text("tag_heading", ("tag", tag.name))))],
                    language.text("description_tag", ("tag", tag.name), title))
        case .facetValue(let facetIndex, let valueIndex):
            let facet = site.facets[facetIndex], value = facet.values[valueIndex]
            let label = language.label(facet.field)
            return ("facet-value", [("facet", .object(FacetModel(field: facet.field, language: language))),
                                    ("value", .object(CountedLinkModel(list: value, url: list.folder.url,
                                                                       definition: site.definition(of: value.slug, in: facet.field.key), language: language))),
                                    ("heading", .text(language.text("facet_value_heading", ("facet", label), ("value", value.name)))),
                                    ("back_text", .text(language.text("all_values_of", ("facet", label))))],
                    language.text("description_facet_value", ("field", language.lowercased(label)), ("value", value.name), title))
        case .entity(let index):
            let entity = site.entities[index]
            return ("entity", [("entity", .object(EntityModel(entity: entity, language: language)))],
                    language.text("description_entity", ("entity", entity.list.name), title))
        }
    }

    /// What a list's heading shows: its name (the other heading values come from the
    /// site or the members, hashed elsewhere).
    static func headingPrint(_ list: IncidentList, _ build: BuildContext) -> Int {
        switch list.kind {
        case .index: return 0
        case .tag(let index): return build.site.tags[index].name.hashValue
        case .facetValue(let facet, let value): return build.site.facets[facet].values[value].name.hashValue
        case .entity(let index):
            var hasher = Hasher()
            hasher.combine(build.site.entities[index].list.name)
            hasher.combine(build.site.entities[index].incidentsByRole)
            return hasher.finalize()
        }
    }
}
