/// Groups labels (tags, or a facet's values) by slug, fed one incident after another
/// in listing order, merging spellings such as `AI_safety` and `ai-safety`.
///
/// Each distinct spelling is looked up once per occurrence and slugged once ever: the
/// grouping of a 10,000-incident site's tags and facets runs on every rebuild that
/// changes a title or a date.
struct TagGrouper {
    private var spellingByName: [String: Int] = [:]
    private var spellingNames: [String] = []
    private var spellingCounts: [Int] = []
    /// The group (slug) of each spelling.
    private var spellingGroups: [Int] = []
    private var groupBySlug: [SlugKey: Int] = [:]
    private var slugs: [String] = []
    private var positions: [[Int]] = []

    /// Adds `name` for the incident at `position` (positions ascending); returns its
    /// group. `slug` is asked only for spellings not seen before.
    mutating func add(_ name: String, at position: Int, slug: (String) -> String) -> Int {
        let spelling: Int
        if let known = spellingByName[name] {
            spelling = known
        } else {
            spelling = spellingNames.count
            spellingByName[name] = spelling
            spellingNames.append(name)
            spellingCounts.append(0)
            let key = SlugKey(slug(name))
            if let group = groupBySlug[key] {
                spellingGroups.append(group)
            } else {
                groupBySlug[key] = slugs.count
                spellingGroups.append(slugs.count)
                slugs.append(key.slug)
                positions.append([])
            }
        }
        spellingCounts[spelling] += 1
        let group = spellingGroups[spelling]
        // Two spellings of one tag on an incident count it once.
        if positions[group].last != position { positions[group].append(position) }
        return group
    }

    /// The groups as tags, sorted by name and then slug, and for each group number
    /// given by `add` its position in that order.
    func tags() -> (tags: [Tag], sortedPosition: [Int]) {
        // Most used spelling wins; ties go to the first in code-point order, so the
        // choice does not depend on file order.
        var best = [Int](repeating: -1, count: slugs.count)
        for spelling in spellingNames.indices {
            let group = spellingGroups[spelling]
            let current = best[group]
            if current < 0 || spellingCounts[spelling] > spellingCounts[current]
                || (spellingCounts[spelling] == spellingCounts[current] && spellingNames[spelling] < spellingNames[current]) {
                best[group] = spelling
            }
        }
        let tags = slugs.indices.map { Tag(slug: slugs[$0], name: spellingNames[best[$0]], incidentIndices: positions[$0]) }
        let sortKeys = tags.map { ($0.name.lowercased(), $0.slug) }
        let order = tags.indices.sorted { sortKeys[$0] < sortKeys[$1] }
        var sortedPosition = Array(repeating: 0, count: tags.count)
        for (position, group) in order.enumerated() { sortedPosition[group] = position }
        return (order.map { tags[$0] }, sortedPosition)
    }
}

/// A slug compared and hashed by its UTF-8 bytes. Swift's `String` hashes and
/// compares non-ASCII text under Unicode normalization, which made grouping the
/// tags of a large site slow; slugs are already normalized (`Slug.forTag`).
struct SlugKey: Hashable {
    let slug: String

    init(_ slug: String) { self.slug = slug }

    func hash(into hasher: inout Hasher) {
        var slug = slug
        slug.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: SlugKey, rhs: SlugKey) -> Bool {
        lhs.slug.utf8.elementsEqual(rhs.slug.utf8)
    }
}
