/// The incidents an incident page points to besides itself: the next newer and
/// older ones in the listing, and up to five related ones.
///
/// Related incidents share the most tags, then are closest in date. Candidates
/// are looked for among the `window` incidents on each side of this one in each of
/// its tags' lists (which are ordered by date), so the work per page stays small
/// even for a tag on thousands of incidents; for smaller tags the choice is exact.
struct IncidentNeighbours {
    static let relatedLimit = 5
    static let window = 15

    let site: Site

    func newer(than position: Int) -> Int? { position > 0 ? position - 1 : nil }
    func older(than position: Int) -> Int? { position + 1 < site.incidents.count ? position + 1 : nil }

    /// Other incidents near this one in each of its tags' lists: one entry per shared
    /// tag, so an incident appears as often as it shares tags. In tag order, then list order.
    func candidates(of position: Int) -> [Int] {
        var result: [Int] = []
        forEachCandidate(of: position) { result.append($0) }
        return result
    }

    /// Calls `body` with each of `candidates(of:)`, without building the list.
    func forEachCandidate(of position: Int, _ body: (Int) -> Void) {
        for tag in site.tagsOfIncident[position] {
            let list = site.tags[tag].incidentIndices
            // Lists hold ascending positions: find this incident by binary search.
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle] < position { low = middle + 1 } else { high = middle }
            }
            for index in max(0, low - Self.window)..<min(list.count, low + Self.window + 1) where list[index] != position {
                body(list[index])
            }
        }
    }

    /// Up to `relatedLimit` positions: most shared tags, then nearest date, then listing order.
    func related(to position: Int) -> [Int] {
        var shared: [Int: Int] = [:]
        for candidate in candidates(of: position) { shared[candidate, default: 0] += 1 }
        let day = Self.dayNumber(site.incidents[position].sortDate)
        // Keys computed once each, not in every comparison.
        let ranked = shared.map { candidate, count in
            (candidate: candidate, count: count, distance: abs(Self.dayNumber(site.incidents[candidate].sortDate) - day))
        }.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            return a.distance != b.distance ? a.distance < b.distance : a.candidate < b.candidate
        }
        return ranked.prefix(Self.relatedLimit).map(\.candidate)
    }

    /// A day count good enough to compare distances between dates of any precision.
    private static func dayNumber(_ date: PartialDate) -> Int {
        date.year * 372 + ((date.month ?? 1) - 1) * 31 + (date.day ?? 1)
    }
}
