/// The rules that make incidents records of a database rather than pages: ids are
/// permanent and unique, and once a site numbers its incidents every one has a number;
/// a duplicate points to an incident that exists and is not a tombstone itself.
/// Checked once in the model stage, so `build`, `serve` and `check` say the same.
enum DatabaseRules {
    /// Every problem with ids and `duplicate_of` among the published `incidents` and
    /// `tombstones`, at the line to change.
    static func problems(incidents: [Incident], tombstones: [Incident]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []

        // Ids: unique, and on every incident once any has one. (Both lists are walked
        // in turn: joined, 10,000 incidents were copied for nothing.)
        var holders: [Int: [(path: String, location: SourceLocation?)]] = [:]
        for list in [incidents, tombstones] {
            for incident in list { if let id = incident.id { holders[id, default: []].append((incident.sourcePath, incident.idLocation)) } }
        }
        for (id, group) in holders where group.count > 1 {
            for holder in group {
                let others = group.filter { $0.path != holder.path }.map(\.path).sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(holder.location ?? SourceLocation(file: holder.path, line: 1, column: 1), key: "id",
                                              "\(id) is also the id of \(others), expected each incident to have its own id (ids are never reused)"))
            }
        }
        if let highest = holders.keys.max() {
            for incident in [incidents, tombstones].joined() where incident.id == nil {
                diagnostics.append(Diagnostic(SourceLocation(file: incident.sourcePath, line: 1, column: 1), key: "id",
                                              "missing, expected an id: this site numbers its incidents (the highest in use is \(highest); `incidents new` assigns the next)"))
            }
        }

        // Duplicates point to a published incident, never to another tombstone.
        let listed = IncidentFinder(incidents)
        let buried = IncidentFinder(tombstones)
        for tombstone in tombstones {
            guard let reference = tombstone.duplicateOf else { continue }
            let location = tombstone.duplicateOfLocation ?? SourceLocation(file: tombstone.sourcePath, line: 1, column: 1)
            if listed.position(reference) != nil { continue }
            if let position = buried.position(reference) {
                let other = tombstones[position]
                let message = other.sourcePath == tombstone.sourcePath
                    ? "\"\(reference)\" is this incident itself, expected the slug or id of the incident it duplicates"
                    : "\"\(reference)\" is itself a tombstone (\(other.sourcePath)), expected the incident it duplicates"
                        + (other.duplicateOf.map { " (perhaps \($0))" } ?? "")
                diagnostics.append(Diagnostic(location, key: "duplicate_of", message))
            } else {
                diagnostics.append(Diagnostic(location, key: "duplicate_of",
                                              "\"\(reference)\" names no published incident, expected the slug or id of the incident this one duplicates"))
            }
        }
        return diagnostics
    }
}
