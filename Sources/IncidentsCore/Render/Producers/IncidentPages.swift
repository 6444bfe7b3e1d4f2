/// `incidents/<slug>/index.html`: one page per incident, through the `incident`
/// template: its facts, tags, body, sources, neighbours, related incidents, citation
/// and structured data.
struct IncidentPages: OutputProducer {
    /// The fields shown as facts, in the table's order.
    static let factFields = IncidentField.all.filter(\.isFact)

    func plan(_ build: BuildContext, planned: [Route]) -> [Route] {
        build.site.incidents.indices.map { position in
            route(Addresses.incident(build.site.incidents[position].slug).indexPath, item: position, fingerprint: build.fingerprint { hasher in
                hasher.combine(build.incidentPrints[position])
                // The page links its newer and older neighbours and related incidents,
                // chosen among the candidates hashed here.
                hasher.combine(position > 0 ? build.linkPrints[position - 1] : 0)
                hasher.combine(position + 1 < build.linkPrints.count ? build.linkPrints[position + 1] : 0)
                build.neighbours.forEachCandidate(of: position) { hasher.combine(build.linkPrints[$0]) }
            })
        }
    }

    func render(_ route: Route, _ build: BuildContext, to sink: any OutputSink) throws {
        let position = route.item
        let incident = build.site.incidents[position]
        let root = build.root(of: route.path)
        let language = build.site.language
        let body = try build.body(of: position)
        let tagNames = build.site.tagNames(of: position)
        let address = build.site.config.baseURL.map { $0 + Addresses.incident(incident.slug).url }
        var model = IncidentModel(
            card: CardModel(site: build.site, position: position),
            incident: incident,
            facts: .list(Self.facts(of: position, build).map(TemplateValue.object)),
            body: body.html,
            sources: .list(incident.sources.enumerated().map { .object(SourceModel($1, number: $0 + 1, root: root, language: language)) }),
            params: .object(TemplateRecord(incident.extraParams.mapValues(\.templateValue))),
            severityURL: IncidentField.named("severity").flatMap { build.facetValueFolder(of: $0, at: position) }?.url,
            newer: build.neighbours.newer(than: position).map { .object(LinkModel(build.site.incidents[$0], language)) } ?? .null,
            older: build.neighbours.older(than: position).map { .object(LinkModel(build.site.incidents[$0], language)) } ?? .null,
            related: .list(build.neighbours.related(to: position).map { .object(LinkModel(build.site.incidents[$0], language)) }),
            canonicalURL: address,
            citation: Citation(incident: incident, siteTitle: build.site.config.title, url: address, language: language),
            tagNames: tagNames,
            jsonLD: StructuredData.report(incident, tagNames: tagNames, siteTitle: build.site.config.title, url: address),
            language: language)
        model.entities = .list(Entity.Role.allCases.compactMap { role in
            let entities = build.site.entitiesOfIncident[position].filter { build.site.entities[$0].names(role, incident: position) }
            guard !entities.isEmpty else { return nil }
            return .object(TemplateRecord([
                "label": .text(IncidentField.named(role.key).map(language.label) ?? language.label(role)),
                "names": .list(entities.map { .object(EntityModel(entity: build.site.entities[$0], language: language)) }),
            ]))
        })
        try sink.write(build.page("incident", content: PageContent(incident: model), outputPath: route.path, description: incident.summary),
                       to: route.path)
    }

    /// The facts of incident `position`, in the table's order, with the duration after
    /// `resolved` when both ends are known.
    static func facts(of position: Int, _ build: BuildContext) -> [FactModel] {
        let incident = build.site.incidents[position]
        var facts: [FactModel] = []
        for field in Self.factFields {
            if let fact = fact(field, of: position, build) { facts.append(fact) }
            if field.key == "resolved", let started = incident.started, let resolved = incident.resolved {
                let language = build.site.language
                facts.append(FactModel(key: "duration", label: language.text("duration"), text: language.duration(seconds: resolved.instant - started.instant),
                                       datetime: nil, url: nil))
            }
        }
        return facts
    }

    /// Field `field` of incident `position` as a fact, or nil when it has no value.
    static func fact(_ field: IncidentField, of position: Int, _ build: BuildContext) -> FactModel? {
        let incident = build.site.incidents[position]
        let language = build.site.language
        if case .dateTime(let get, _) = field.storage {
            return get(incident).map { FactModel(key: field.key, label: language.label(field), text: language.dateTime($0), datetime: $0.description, url: nil) }
        }
        let date: PartialDate? = switch field.storage {
        case .date(let get, _): get(incident)
        case .special where field.kind == .date: incident.dateReported
        default: nil
        }
        let text: String?
        if let date {
            text = language.date(date)
        } else if case .yesNo(let get, _) = field.storage {
            text = get(incident).map { language.text($0 ? "yes" : "no") }
        } else if field.key == "status" {
            // Written "ongoing", shown "Ongoing".
            text = field.text(of: incident).map { $0.prefix(1).uppercased() + $0.dropFirst() }
        } else {
            // A value of a vocabulary with a label in the page's language shows that label.
            text = field.text(of: incident).map { value in build.site.label(of: value, in: field.key) ?? value }
        }
        guard let text else { return nil }
        return FactModel(key: field.key, label: language.label(field), text: text, datetime: date?.description,
                         url: field.browsing == .no ? nil : build.facetValueFolder(of: field, at: position)?.url)
    }

    /// The page's own values: `incident`.
    struct PageContent: TemplateObject {
        let incident: IncidentModel
        func value(named name: String) -> TemplateValue? { name == "incident" ? .object(incident) : nil }
    }
}
