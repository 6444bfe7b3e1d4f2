/// A tag or facet value with its number of incidents: `{name, slug, url, count,
/// count_noun}`, an entry of an overview and the heading of its own list page.
struct CountedLinkModel: TemplateObject {
    let list: Tag
    let url: String
    /// Its definition, from the field's vocabulary.
    var definition: String? = nil
    let language: SiteLanguage

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": return .text(list.name)
        case "slug": return .text(list.slug)
        case "url": return .text(url)
        case "count": return .number(list.count)
        case "count_noun": return .text(language.count("noun_incidents", list.count))
        case "definition": return .optional(definition)
        default: return nil
        }
    }
}

/// `facet`: `{label, name, url}`, e.g. "Category", "category", "category/".
struct FacetModel: TemplateObject {
    let field: IncidentField
    let language: SiteLanguage

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "label": return .text(language.label(field))
        case "name": return .text(field.key)
        case "url": return .text(Addresses.facet(field).url)
        default: return nil
        }
    }
}

/// A page of incidents: the index, a tag's or a facet value's page.
struct ListPageContent: TemplateObject {
    /// `tag`, or `facet` and `value`, for the list's heading.
    let heading: [(String, TemplateValue)]
    let cards: TemplateValue
    let pagination: PaginationModel
    let count: Int
    let language: SiteLanguage

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "incidents": return cards
        case "pagination": return .object(pagination)
        case "count": return .number(count)
        case "count_text": return .text(language.count("count_incidents", count))
        default: return heading.first { $0.0 == name }?.1
        }
    }
}

/// An overview: every tag (`tags`), or every value of a facet (`facet`, `values`).
struct OverviewContent: TemplateObject {
    let listName: String
    let entries: TemplateValue
    let count: Int
    /// The key of the counted noun: `count_tags`, `count_values`, `count_entities`.
    let noun: String
    let facet: FacetModel?
    let language: SiteLanguage

    func value(named name: String) -> TemplateValue? {
        switch name {
        case listName: return entries
        case "count": return .number(count)
        case "count_text": return .text(language.count(noun, count))
        case "lede": return .text(language.text("entities_lede", ("count", language.count(noun, count))))
        case "facet": return facet.map(TemplateValue.object) ?? nil
        case "heading": return facet.map { .text(language.text("incidents_by", ("facet", language.label($0.field)))) } ?? nil
        default: return nil
        }
    }
}

/// `entity`: `{name, slug, url, count, count_noun, roles}`, roles as `{label, count}`.
struct EntityModel: TemplateObject {
    let entity: Entity
    let language: SiteLanguage

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "roles":
            return .list(Entity.Role.allCases.compactMap { role in
                let count = entity.incidentsByRole[role.rawValue].count
                return count == 0 ? nil : .object(TemplateRecord(["label": .text(language.label(role)), "count": .number(count),
                                                                   "count_noun": .text(language.count("noun_incidents", count))]))
            })
        default: return CountedLinkModel(list: entity.list, url: Addresses.entity(entity.list.slug).url, language: language).value(named: name)
        }
    }
}
