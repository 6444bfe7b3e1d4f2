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
        for tag in site.tagsOfIncident[position] {
            let list = site.tags[tag].incidentIndices
            // Lists hold ascending positions: find this incident by binary search.
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle] < position { low = middle + 1 } else { high = middle }
            }
            let range = max(0, low - Self.window)..<min(list.count, low + Self.window + 1)
            result += list[range].filter { $0 != position }
        }
        return result
    }

    /// Up to `relatedLimit` positions: most shared tags, then nearest date, then listing order.
    func related(to position: Int) -> [Int] {
        var shared: [Int: Int] = [:]
        for candidate in candidates(of: position) { shared[candidate, default: 0] += 1 }
        let day = Self.dayNumber(site.incidents[position].sortDate)
        let ranked = shared.keys.sorted { a, b in
            if shared[a] != shared[b] { return shared[a]! > shared[b]! }
            let distanceA = abs(Self.dayNumber(site.incidents[a].sortDate) - day)
            let distanceB = abs(Self.dayNumber(site.incidents[b].sortDate) - day)
            return distanceA != distanceB ? distanceA < distanceB : a < b
        }
        return Array(ranked.prefix(Self.relatedLimit))
    }

    /// A day count good enough to compare distances between dates of any precision.
    private static func dayNumber(_ date: PartialDate) -> Int {
        date.year * 372 + ((date.month ?? 1) - 1) * 31 + (date.day ?? 1)
    }
}
