/// A whole site, validated and ordered, ready to render.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Published incidents (drafts only with `--drafts`), newest first.
    public var incidents: [Incident]
    /// Every tag, by name.
    public var tags: [Tag]
    /// For each incident (same positions as `incidents`), the positions of its tags in `tags`.
    public var tagsOfIncident: [[Int]]
    /// The fields readers browse by besides tags, as `site.yml` chose them.
    public var facets: [Facet]
    /// Every organisation the incidents name as deployer, developer or harmed party.
    public var entities: [Entity]
    /// For each incident, the positions of the entities it names in `entities`.
    public var entitiesOfIncident: [[Int]]
    /// Tombstones (`duplicate_of`, `withdrawn`), by slug: each has a page, and they are in
    /// the data downloads, but in no list, feed, facet, statistic or search index.
    public var tombstones: [Incident]
    /// For each tombstone, the position in `incidents` of the incident it duplicates.
    public var tombstoneTargets: [Int?]
    public var pages: [StandalonePage]
    /// The controlled vocabularies, by field: their definitions are shown on value pages.
    public var vocabularies: Vocabularies
    /// Files under `static/`, relative to it, copied as they are (the default language's
    /// site only: every language shares them).
    public var staticFiles: [String]
    /// The language this site is written in: its strings, dates and folder.
    public var language: SiteLanguage

    /// The display names of incident `position`'s tags, in the order the editor gave them.
    public func tagNames(of position: Int) -> [String] {
        tagsOfIncident[position].map { tags[$0].name }
    }

    public init(config: SiteConfig, incidents: [Incident], tombstones: [Incident] = [], pages: [StandalonePage], staticFiles: [String],
                profiles: [EntityProfile] = [], vocabularies: Vocabularies = [:], language: SiteLanguage? = nil) {
        self.config = config
        self.language = language ?? SiteLanguage(code: config.language)
        self.vocabularies = vocabularies
        // Sorting small keys rather than the incidents themselves: copying large structs
        // in and out of comparisons cost more than the comparisons.
        let keys = incidents.map(Incident.ListingKey.init)
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        self.incidents = incidents
        // Put in order in place, cycle by cycle, rather than copied: a second array of
        // 100,000 incidents was 40 MB. Already in order (a rebuild), nothing moves.
        Self.permute(&self.incidents, into: order)
        (self.tags, self.tagsOfIncident) = Tag.index(of: self.incidents)
        (self.entities, self.entitiesOfIncident) = Entity.index(of: self.incidents, profiles: profiles)
        self.facets = config.facets.map { [incidents = self.incidents] in Facet(field: $0, incidents: incidents) }
        self.tombstones = tombstones.sorted { $0.slug < $1.slug }
        let finder = IncidentFinder(self.incidents)
        self.tombstoneTargets = self.tombstones.map { $0.duplicateOf.flatMap(finder.position) }
        self.pages = pages.sorted { $0.slug < $1.slug }
        self.staticFiles = staticFiles.sorted()
        nameValuesInLanguage()
    }

    /// Leaves out the duplicates whose incident is not in this site (a translated
    /// duplicate of an incident that has no translation).
    mutating func dropTombstonesWithoutTarget() {
        let kept = tombstones.indices.filter { tombstones[$0].duplicateOf == nil || tombstoneTargets[$0] != nil }
        guard kept.count < tombstones.count else { return }
        tombstones = kept.map { tombstones[$0] }
        tombstoneTargets = kept.map { tombstoneTargets[$0] }
    }

    /// The records of the data downloads: the published incidents, then the tombstones.
    public var recordCount: Int { incidents.count + tombstones.count }

    /// Record `item`, counted as `recordCount` counts.
    public func record(_ item: Int) -> Incident {
        item < incidents.count ? incidents[item] : tombstones[item - incidents.count]
    }

    /// The definition of `value` (or its slug) in the vocabulary of `field` (`tags`,
    /// `category`), in the site's language where the vocabulary has it, if any.
    public func definition(of value: String, in field: String) -> String? {
        guard let entry = vocabularies[field]?.entry(for: value) else { return nil }
        return entry.descriptions[language.code] ?? entry.description
    }

    /// Names tags and facet values as readers of this language read them: severity by
    /// its label in the language, a value with a translated label in its vocabulary by
    /// that label. Slugs (and so addresses) stay those of the values as written.
    mutating func nameValuesInLanguage() {
        for index in tags.indices {
            if let label = label(of: tags[index].slug, in: "tags") { tags[index].name = label }
        }
        for facet in facets.indices {
            let field = facets[facet].field
            for value in facets[facet].values.indices {
                let slug = facets[facet].values[value].slug
                if field.kind == .severity, let severity = Severity(rawValue: slug) {
                    facets[facet].values[value].name = language.label(severity)
                } else if let label = label(of: slug, in: field.key) {
                    facets[facet].values[value].name = label
                }
            }
        }
    }

    /// The name of `value` (or its slug) in the site's language, where the vocabulary of
    /// `field` gives one.
    public func label(of value: String, in field: String) -> String? {
        vocabularies[field]?.entry(for: value)?.labels[language.code]
    }

    /// Rearranges `items` so that position `i` holds what was at `order[i]`.
    static func permute<Item>(_ items: inout [Item], into order: [Int]) {
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] && order[start] != start {
            // Follow the cycle through `start`: each place takes the item its order names.
            var place = start
            while true {
                placed[place] = true
                let from = order[place]
                if from == start { break }
                items.swapAt(place, from)
                place = from
            }
        }
    }
}
