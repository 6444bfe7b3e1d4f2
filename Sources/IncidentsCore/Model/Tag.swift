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
    /// spellings such as `AI_safety` and `ai-safety`. Sorted by name, then slug.
    static func index(of incidents: [Incident]) -> [Tag] {
        var spellings: [String: [String: Int]] = [:]
        var members: [String: [Int]] = [:]
        for (position, incident) in incidents.enumerated() {
            var seen: Set<String> = []
            for (name, slug) in zip(incident.tags, incident.tagSlugs) {
                spellings[slug, default: [:]][name, default: 0] += 1
                if seen.insert(slug).inserted {
                    members[slug, default: []].append(position)
                }
            }
        }
        return members.map { slug, positions in
            // Most used spelling wins; ties go to the first in code-point order, so the
            // choice does not depend on file order.
            let name = spellings[slug]!.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
            return Tag(slug: slug, name: name, incidentIndices: positions)
        }
        .sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
    }
}
