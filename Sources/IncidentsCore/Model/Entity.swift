/// An organisation or group named by incidents, in one or more roles: who deployed the
/// system, who developed it, who was harmed. Spellings are merged by slug, like tags;
/// each entity has a page listing its incidents by role.
///
/// `ai_provider` stays a field of its own (the vendor of the model, which may not be
/// who built the system): an editor who wants the vendor on entity pages names it in
/// `developers` too.
public struct Entity: Sendable {
    public enum Role: Int, Sendable, CaseIterable {
        case deployer, developer, harmedParty

        /// The incident field that names entities in this role.
        public var key: String {
            switch self {
            case .deployer: return "deployers"
            case .developer: return "developers"
            case .harmedParty: return "harmed_parties"
            }
        }

        func names(of incident: Incident) -> [String] {
            switch self {
            case .deployer: return incident.deployers
            case .developer: return incident.developers
            case .harmedParty: return incident.harmedParties
            }
        }
    }

    /// The merged name and slug, and every incident naming it (listing order).
    public var list: Tag
    /// The incidents naming it in each role, by `Role.rawValue` (listing order).
    public var incidentsByRole: [[Int]]
    /// Its `content/entities/<slug>.md`, if the site has one.
    public var profile: EntityProfile?

    /// Whether the incident at `position` names this entity as `role`: the roles
    /// recorded by the index (an incident's spelling may be one merged through a
    /// profile's `also_known_as`), found by binary search in the ascending positions.
    func names(_ role: Role, incident position: Int) -> Bool {
        let members = incidentsByRole[role.rawValue]
        var low = 0, high = members.count
        while low < high {
            let middle = (low + high) / 2
            if members[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low < members.count && members[low] == position
    }

    /// Every entity of `incidents` (in listing order), sorted by name, and for each
    /// incident the entities it names (positions in that order).
    static func index(of incidents: [Incident], profiles: [EntityProfile] = []) -> (entities: [Entity], entitiesOfIncident: [[Int]]) {
        // A profile's spellings are merged into its slug.
        var canonical: [String: String] = [:]
        for profile in profiles { for name in profile.alsoKnownAs { canonical[Slug.forTag(name)] = profile.slug } }
        let profileBySlug = Dictionary(profiles.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let slug = { (name: String) -> String in let plain = Slug.forTag(name); return canonical[plain] ?? plain }
        var grouper = TagGrouper()
        var roleMembers: [[[Int]]] = []
        var groupsOfIncident: [[Int]] = []
        groupsOfIncident.reserveCapacity(incidents.count)
        for position in incidents.indices {
            var groups: [Int] = []
            for role in Role.allCases {
                for name in role.names(of: incidents[position]) {
                    let group = grouper.add(name, at: position, slug: slug)
                    while roleMembers.count <= group { roleMembers.append(Array(repeating: [], count: Role.allCases.count)) }
                    if roleMembers[group][role.rawValue].last != position { roleMembers[group][role.rawValue].append(position) }
                    if !groups.contains(group) { groups.append(group) }
                }
            }
            groupsOfIncident.append(groups)
        }
        var (lists, sortedPosition) = grouper.tags()
        // The profile's title is the name shown; the order follows the names shown.
        for index in lists.indices { if let profile = profileBySlug[lists[index].slug] { lists[index].name = profile.title } }
        let order = lists.indices.sorted { (lists[$0].name.lowercased(), lists[$0].slug) < (lists[$1].name.lowercased(), lists[$1].slug) }
        var reorder = Array(repeating: 0, count: lists.count)
        for (position, index) in order.enumerated() { reorder[index] = position }
        sortedPosition = sortedPosition.map { reorder[$0] }
        lists = order.map { lists[$0] }
        var entities = lists.map { Entity(list: $0, incidentsByRole: [], profile: profileBySlug[$0.slug]) }
        for (group, members) in roleMembers.enumerated() { entities[sortedPosition[group]].incidentsByRole = members }
        return (entities, groupsOfIncident.map { $0.map { sortedPosition[$0] } })
    }
}
