/// A tag and the incidents that carry it, under whatever spelling.
public struct Tag: Sendable, Hashable {
    /// The URL segment: `tags/<slug>/`.
    public var slug: String
    /// The most used spelling among the incidents that carry it.
    public var name: String
    /// Positions in the site's ordered incident list, newest first.
    public var incidentIndices: [Int]

    public var count: Int { incidentIndices.count }
}

extension Tag {
    /// Groups the tags of `incidents` (already in listing order) by slug, merging
    /// spellings such as `AI_safety` and `ai-safety`. Tags are sorted by name, then slug;
    /// `tagsOfIncident[i]` lists the positions of incident `i`'s tags in that order,
    /// once each, in the order the editor gave them.
    static func index(of incidents: [Incident]) -> (tags: [Tag], tagsOfIncident: [[Int]]) {
        var grouper = TagGrouper()
        var groupsOfIncident: [[Int]] = []
        groupsOfIncident.reserveCapacity(incidents.count)
        for position in incidents.indices {
            let names = incidents[position].tags
            var groups: [Int] = []
            groups.reserveCapacity(names.count)
            for (name, slug) in zip(names, incidents[position].tagSlugs) {
                let group = grouper.add(name, at: position) { _ in slug }
                if !groups.contains(group) { groups.append(group) }
            }
            groupsOfIncident.append(groups)
        }
        let (tags, sortedPosition) = grouper.tags()
        return (tags, groupsOfIncident.map { $0.map { sortedPosition[$0] } })
    }
}
