/// The paths and fingerprints of the files a run published: what tells the next run
/// which files changed. Kept as arrays in plan order (an edit seldom changes the
/// paths, and comparing two arrays of 12,000 paths is cheaper than hashing them).
struct PublishedRoutes {
    private(set) var paths: [String] = []
    private(set) var fingerprints: [Int] = []
    /// Each path's position in `paths`.
    private(set) var index: [String: Int] = [:]

    var isEmpty: Bool { paths.isEmpty }

    init() {}

    /// What an earlier build published, as the build cache kept it.
    init(paths: [String], fingerprints: [Int]) {
        precondition(paths.count == fingerprints.count)
        self.paths = paths
        self.fingerprints = fingerprints
        for (number, path) in paths.enumerated() where index[path] == nil { index[path] = number }
    }

    /// The routes of `table` whose file differs from what was published (new, or with
    /// another fingerprint), and the published paths `table` plans no more.
    func difference(to table: RouteTable) -> (changed: [Int], removed: [String]) {
        if samePaths(as: table) {
            return (table.routes.indices.filter { table.routes[$0].fingerprint != fingerprints[$0] }, [])
        }
        var planned = Set<String>(minimumCapacity: table.routes.count)
        var changed: [Int] = []
        for (number, route) in table.routes.enumerated() {
            planned.insert(route.path)
            if index[route.path].map({ fingerprints[$0] }) != route.fingerprint { changed.append(number) }
        }
        return (changed, paths.filter { !planned.contains($0) }.sorted())
    }

    /// Remembers `table`'s routes as published.
    mutating func record(_ table: RouteTable) {
        if !samePaths(as: table) {
            paths = table.routes.map(\.path)
            var index: [String: Int] = [:]
            index.reserveCapacity(paths.count)
            // The first of two routes at one path wins (a conflict stops the build anyway).
            for (number, path) in paths.enumerated() where index[path] == nil { index[path] = number }
            self.index = index
        }
        fingerprints = table.routes.map(\.fingerprint)
    }

    private func samePaths(as table: RouteTable) -> Bool {
        table.routes.count == paths.count && zip(table.routes, paths).allSatisfy { $0.path == $1 }
    }
}
