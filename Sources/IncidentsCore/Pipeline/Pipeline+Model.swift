extension Pipeline {
    /// A model that planned without errors, kept so that the next run can update it in
    /// place: most edits (a body, a summary, a source) change one incident's page and
    /// the data files, but no list, tag, facet or order, and rebuilding those for
    /// 10,000 incidents was most of the time `serve` took after a save.
    struct LastModel {
        let site: Site
        let build: BuildContext
        /// The incident files it was made from.
        let incidentFiles: [String]
        /// Its route table's paths, in order.
        let routePaths: [String]

        /// Each incident's position in `site.incidents`, by source path.
        var positionByPath: [String: Int] {
            Dictionary(uniqueKeysWithValues: site.incidents.indices.map { (site.incidents[$0].sourcePath, $0) })
        }
    }

    /// The incidents parsed again from `paths`, each with its position in `last`'s site,
    /// when every one of them is still published, parsed without errors and lists
    /// exactly as before (`listsTheSame`); nil when the model must be made anew.
    func inPlaceEdits(of paths: [String], in last: LastModel) -> [(position: Int, incident: Incident)]? {
        guard !paths.isEmpty else { return [] }
        // A few edits: found by a search rather than by a dictionary of 10,000 paths.
        let positions = paths.count <= 8 ? nil : last.positionByPath
        var edits: [(position: Int, incident: Incident)] = []
        for path in paths {
            guard let position = positions?[path] ?? last.site.incidents.firstIndex(where: { $0.sourcePath == path }),
                  let file = parsed[path], options.includeDrafts || !file.isDraft,
                  case .success(let incident) = file.result,
                  Self.listsTheSame(last.site.incidents[position], incident, facets: last.site.facets.map(\.field))
            else { return nil }
            edits.append((position, incident))
        }
        return edits
    }

    /// Whether `new` shows in every list, tag, facet, order and link exactly as `old`:
    /// same address, title, dates, severity, tags as spelled, facet values and id, and
    /// still not a tombstone.
    static func listsTheSame(_ old: Incident, _ new: Incident, facets: [IncidentField]) -> Bool {
        old.slug == new.slug && old.title == new.title && old.sortDate == new.sortDate && old.dateReported == new.dateReported
            && old.severity == new.severity && old.tags == new.tags && old.draft == new.draft
            // Ids are checked across files, tombstones leave every list.
            && old.id == new.id && !new.isTombstone
            && old.deployers == new.deployers && old.developers == new.developers && old.harmedParties == new.harmedParties
            && facets.allSatisfy { $0.text(of: old) == $0.text(of: new) }
    }
}
