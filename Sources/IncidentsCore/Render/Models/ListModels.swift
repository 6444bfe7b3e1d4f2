/// A tag or facet value with its number of incidents: `{name, slug, url, count,
/// count_noun}`, an entry of an overview and the heading of its own list page.
struct CountedLinkModel: TemplateObject {
    let list: Tag
    let url: String
    /// Its definition, from the field's vocabulary.
    var definition: String? = nil

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": return .text(list.name)
        case "slug": return .text(list.slug)
        case "url": return .text(url)
        case "count": return .number(list.count)
        case "count_noun": return .text(Count.noun("incident", list.count))
        case "definition": return .optional(definition)
        default: return nil
        }
    }
}

/// `facet`: `{label, name, url}`, e.g. "Category", "category", "category/".
struct FacetModel: TemplateObject {
    let field: IncidentField

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "label": return .text(field.label)
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

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "incidents": return cards
        case "pagination": return .object(pagination)
        case "count": return .number(count)
        case "count_text": return .text(Count.text(count, "incident"))
        default: return heading.first { $0.0 == name }?.1
        }
    }
}

/// An overview: every tag (`tags`), or every value of a facet (`facet`, `values`).
struct OverviewContent: TemplateObject {
    let listName: String
    let entries: TemplateValue
    let count: Int
    let noun: String
    let facet: FacetModel?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case listName: return entries
        case "count": return .number(count)
        case "count_text": return .text(Count.text(count, noun))
        case "facet": return facet.map(TemplateValue.object) ?? nil
        default: return nil
        }
    }
}

/// `entity`: `{name, slug, url, count, count_noun, roles}`, roles as `{label, count}`.
struct EntityModel: TemplateObject {
    let entity: Entity

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "roles":
            return .list(Entity.Role.allCases.compactMap { role in
                let count = entity.incidentsByRole[role.rawValue].count
                return count == 0 ? nil : .object(TemplateRecord(["label": .text(role.label), "count": .number(count),
                                                                   "count_noun": .text(Count.noun("incident", count))]))
            })
        default: return CountedLinkModel(list: entity.list, url: Addresses.entity(entity.list.slug).url).value(named: name)
        }
    }
}
