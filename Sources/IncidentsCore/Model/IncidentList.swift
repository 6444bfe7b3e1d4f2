/// A list of incidents readers browse: the index, a tag's incidents, a facet value's.
/// Each has paginated pages and, with `base_url`, an Atom feed.
public struct IncidentList: Sendable {
    public enum Kind: Sendable, Equatable {
        case index
        case tag(Int)
        case facetValue(facet: Int, value: Int)
        case entity(Int)
    }

    public let kind: Kind
    /// Where its first page lives.
    let folder: Addresses.Folder
    /// Positions in the site's ordered incidents, newest first.
    public let members: [Int]
}

extension Site {
    /// Every list of the site: the index, then each tag, each facet's values, each entity.
    public var lists: [IncidentList] {
        var lists = [IncidentList(kind: .index, folder: Addresses.root, members: Array(incidents.indices))]
        for (index, tag) in tags.enumerated() {
            lists.append(IncidentList(kind: .tag(index), folder: Addresses.tag(tag.slug), members: tag.incidentIndices))
        }
        for (facetIndex, facet) in facets.enumerated() {
            for (valueIndex, value) in facet.values.enumerated() {
                lists.append(IncidentList(kind: .facetValue(facet: facetIndex, value: valueIndex),
                                          folder: Addresses.facetValue(facet.field, value.slug), members: value.incidentIndices))
            }
        }
        for (index, entity) in entities.enumerated() {
            lists.append(IncidentList(kind: .entity(index), folder: Addresses.entity(entity.list.slug), members: entity.list.incidentIndices))
        }
        return lists
    }
}
