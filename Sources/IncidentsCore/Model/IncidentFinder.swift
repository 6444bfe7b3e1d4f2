/// Finds an incident by what an editor may write to name it: its slug, or its `id`
/// as digits. `duplicate_of` is resolved through it, and so are its errors.
struct IncidentFinder {
    private var bySlug: [String: Int] = [:]
    private var byID: [Int: Int] = [:]

    init(_ incidents: [Incident]) {
        for (position, incident) in incidents.enumerated() {
            if bySlug[incident.slug] == nil { bySlug[incident.slug] = position }
            if let id = incident.id, byID[id] == nil { byID[id] = position }
        }
    }

    /// The position of the incident `reference` names: digits are an id (a slug of
    /// digits is found too, when no id is), anything else a slug.
    func position(_ reference: String) -> Int? {
        if let id = Int(reference), let position = byID[id] { return position }
        return bySlug[reference]
    }
}
