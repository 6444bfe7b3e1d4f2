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
        // Indices, not elements: binding each Incident would copy (retain) all its fields.
        group(count: incidents.count) { (incidents[$0].tags, incidents[$0].tagSlugs) }
    }

    /// Groups labels by slug: `labels(i)` gives incident `i`'s names and their slugs.
    /// Tags use it for tags, facets for one value per incident.
    static func group(count: Int, labels: (Int) -> ([String], [String])) -> (tags: [Tag], tagsOfIncident: [[Int]]) {
        // Tags are numbered as first seen; plain arrays per number keep this linear
        // (nested dictionaries and a set per incident were a third of a rebuild).
        var numberBySlug: [SlugKey: Int] = [:]
        var slugs: [String] = []
        var positions: [[Int]] = []
        var spellings: [[String: Int]] = []
        var numbersOfIncident: [[Int]] = []
        numbersOfIncident.reserveCapacity(count)
        for position in 0..<count {
            var numbers: [Int] = []
            let (names, nameSlugs) = labels(position)
            for (name, slug) in zip(names, nameSlugs) {
                let number: Int
                if let known = numberBySlug[SlugKey(slug)] {
                    number = known
                } else {
                    number = slugs.count
                    numberBySlug[SlugKey(slug)] = number
                    slugs.append(slug)
                    positions.append([])
                    spellings.append([:])
                }
                spellings[number][name, default: 0] += 1
                if !numbers.contains(number) {
                    numbers.append(number)
                    positions[number].append(position)
                }
            }
            numbersOfIncident.append(numbers)
        }
        let tags = slugs.indices.map { number in
            // Most used spelling wins; ties go to the first in code-point order, so the
            // choice does not depend on file order.
            let name = spellings[number].max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
            return Tag(slug: slugs[number], name: name, incidentIndices: positions[number])
        }
        let sortKeys = tags.map { ($0.name.lowercased(), $0.slug) }
        let order = tags.indices.sorted { sortKeys[$0] < sortKeys[$1] }
        var sortedPosition = Array(repeating: 0, count: tags.count)
        for (position, number) in order.enumerated() { sortedPosition[number] = position }
        return (order.map { tags[$0] }, numbersOfIncident.map { $0.map { sortedPosition[$0] } })
    }
}

/// A slug compared and hashed by its UTF-8 bytes. Swift's `String` hashes and
/// compares non-ASCII text under Unicode normalization, which made grouping the
/// tags of a large site slow; slugs are already normalized (`Slug.forTag`).
private struct SlugKey: Hashable {
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
