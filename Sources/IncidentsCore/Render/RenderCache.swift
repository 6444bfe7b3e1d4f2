import Foundation

/// Rendered text kept by key, shared by the jobs of a build, and across the builds of
/// a `Pipeline` (as `serve` runs it), where keys are incident fingerprints.
public final class RenderCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int: Value] = [:]
    /// At most this many bytes of values are kept (by `cost`); past it, values are
    /// rendered each time they are asked for, so memory stays bounded on huge sites.
    private let budget: Int
    private let cost: @Sendable (Value) -> Int
    private var spent = 0

    public init(budget: Int = .max, cost: @escaping @Sendable (Value) -> Int = { _ in 0 }) {
        self.budget = budget
        self.cost = cost
    }

    /// Forgets every value whose key is not in `keys` (those of edited or deleted incidents).
    public func keepOnly(_ keys: Set<Int>) {
        lock.withLock {
            storage = storage.filter { keys.contains($0.key) }
            spent = storage.values.reduce(0) { $0 + cost($1) }
        }
    }

    /// The value for `key`, rendered by `render` the first time.
    func value(key: Int, render: () throws -> Value) rethrows -> Value {
        if let cached = lock.withLock({ storage[key] }) { return cached }
        // Rendered outside the lock; two jobs racing for the same key render equal values.
        let value = try render()
        let size = cost(value)
        lock.withLock {
            if spent + size <= budget, storage.updateValue(value, forKey: key) == nil { spent += size }
        }
        return value
    }
}

/// What a build caches per incident, by the incident's fingerprint.
public struct RenderCaches: Sendable {
    /// Each incident's card, with a placeholder where the page's root goes. A card is
    /// on a dozen lists (the index, its tags, its facet values), so each is rendered
    /// once; past 32 MB of cards (some 25,000 incidents) the rest are rendered for each
    /// list instead of kept, trading CPU for memory that grows no further.
    public let cards = RenderCache<String>(budget: 32 << 20, cost: { $0.utf8.count + 64 })
    /// Each incident's record in `incidents.json` and its row of `incidents.csv`, as
    /// UTF-8; kept only across builds (a single build writes each once).
    public let records = RenderCache<[UInt8]>()
    public let rows = RenderCache<[UInt8]>()
    let keepsRecords: Bool
    /// The parts a cached build keeps for the next (`build --cache`).
    let persisted: RecordCache?

    init(keepingRecords: Bool = false, persisted: RecordCache? = nil) {
        keepsRecords = keepingRecords
        self.persisted = persisted
    }

    public init(keepingRecords: Bool = false) {
        self.init(keepingRecords: keepingRecords, persisted: nil)
    }

    /// Forgets what no incident of `builds` shows any more: cards by incident
    /// fingerprint, data-file parts by incident and site fingerprint.
    func keepOnly(_ builds: [BuildContext]) {
        cards.keepOnly(Set(builds.flatMap(\.incidentPrints)))
        let parts = Set(builds.flatMap { build in build.incidentPrints.map { Self.partKey(incident: $0, site: build.sitePrint) } })
        records.keepOnly(parts)
        rows.keepOnly(parts)
    }

    /// A data file's part, kept across builds (`serve`) or in the build cache. It is
    /// kept by the incident's fingerprint and the site's (`site`): the part's address
    /// depends on `base_url`.
    func cachedPart(_ kind: RecordCache.Kind, key: Int, site: Int, render: () throws -> [UInt8]) rethrows -> [UInt8] {
        if let persisted { return try persisted.part(kind, incident: key, site: site, render: render) }
        guard keepsRecords else { return try render() }
        return try (kind == .record ? records : rows).value(key: Self.partKey(incident: key, site: site), render: render)
    }

    private static func partKey(incident: Int, site: Int) -> Int { [incident, site].hashValue }
}
