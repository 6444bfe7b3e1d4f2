import Foundation

/// Rendered text kept by key, shared by the jobs of a build, and across the builds of
/// a `Pipeline` (as `serve` runs it), where keys are incident fingerprints.
public final class RenderCache<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int: Value] = [:]

    public init() {}

    /// Forgets every value whose key is not in `keys` (those of edited or deleted incidents).
    public func keepOnly(_ keys: Set<Int>) {
        lock.withLock { storage = storage.filter { keys.contains($0.key) } }
    }

    /// The value for `key`, rendered by `render` the first time.
    func value(key: Int, render: () throws -> Value) rethrows -> Value {
        if let cached = lock.withLock({ storage[key] }) { return cached }
        // Rendered outside the lock; two jobs racing for the same key render equal values.
        let value = try render()
        lock.withLock { storage[key] = value }
        return value
    }
}

/// What a build caches per incident, by the incident's fingerprint.
public struct RenderCaches: Sendable {
    /// Each incident's card, with a placeholder where the page's root goes.
    public let cards = RenderCache<String>()
    /// Each incident's record in `incidents.json` and its row of `incidents.csv`, as
    /// UTF-8; kept only across builds (a single build writes each once).
    public let records = RenderCache<[UInt8]>()
    public let rows = RenderCache<[UInt8]>()
    let keepsRecords: Bool

    public init(keepingRecords: Bool = false) {
        keepsRecords = keepingRecords
    }

    public func keepOnly(_ keys: Set<Int>) {
        cards.keepOnly(keys)
        records.keepOnly(keys)
        rows.keepOnly(keys)
    }

    /// A data file's part, from `cache` when records are kept across builds.
    func cachedPart(_ cache: RenderCache<[UInt8]>, key: Int, render: () throws -> [UInt8]) rethrows -> [UInt8] {
        keepsRecords ? try cache.value(key: key, render: render) : try render()
    }
}
