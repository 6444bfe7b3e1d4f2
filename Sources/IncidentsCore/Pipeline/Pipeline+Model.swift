extension Pipeline {
    /// A model that planned without errors, kept so that the next run can update it in
    /// place: most edits (a body, a summary, a source) change one incident's page and
    /// the data files, but no list, tag, facet or order, and rebuilding those for
    /// 10,000 incidents was most of the time `serve` took after a save.
    struct LastModel {
        /// Each language's site and context, the default first.
        let sites: [Site]
        let builds: [BuildContext]
        /// The incident files it was made from.
        let incidentFiles: [String]
        /// Its route table's paths, in order.
        let routePaths: [String]

        /// Each incident's position in `sites[language].incidents`, by source path.
        func positionByPath(in language: Int) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: sites[language].incidents.indices.map { (sites[language].incidents[$0].sourcePath, $0) })
        }
    }

    /// The incidents parsed again from `files` (a source, or a translation with its
    /// source and language), each with its position in its language's site of `last`,
    /// by language, when every one of them is still published there, parsed without
    /// errors and lists exactly as before (`listsTheSame`); nil when the model must be
    /// made anew.
    func inPlaceEdits(of files: [(path: String, source: String, language: Int)], in last: LastModel,
                      dates: [String: String]) -> [[(position: Int, incident: Incident)]]? {
        var edits = [[(position: Int, incident: Incident)]](repeating: [], count: last.sites.count)
        guard !files.isEmpty else { return edits }
        // A few edits: found by a search rather than by a dictionary of 10,000 paths.
        var positions: [Int: [String: Int]] = [:]
        for file in files {
            guard file.language < last.sites.count else { return nil }
            let site = last.sites[file.language]
            if files.count > 8 && positions[file.language] == nil { positions[file.language] = last.positionByPath(in: file.language) }
            guard let position = positions[file.language]?[file.path] ?? site.incidents.firstIndex(where: { $0.sourcePath == file.path }),
                  let parsedFile = parsed[file.path], options.includeDrafts || !parsedFile.isDraft,
                  case .success(var incident) = parsedFile.result,
                  Self.listsTheSame(site.incidents[position], incident, facets: site.facets.map(\.field))
            else { return nil }
            incident.modified = dates[file.path]
            if file.language > 0 { _ = Self.outdatedTranslation(&incident, source: parsed[file.source], dates: dates) }
            edits[file.language].append((position, incident))
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
