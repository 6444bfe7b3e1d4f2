import Foundation

/// The data files' parts kept between cached builds: each incident's record in
/// `incidents.json` and row in `incidents.csv`, by the incident's fingerprint and the
/// site's (the address in a record depends on `base_url`). After one edit, the data
/// files are written again from these, and only the edited incident's are rendered.
///
/// Safe to use from the render stage's threads at once.
final class RecordCache: @unchecked Sendable {
    enum Kind: Int {
        case record = 0
        case row = 1
    }

    struct Key: Hashable {
        var kind: Int
        var incident: Int
        var site: Int
    }

    let segments: CacheSegments
    let writer: SegmentWriter?
    private let earlier: [Key: CacheSegments.Reference]
    private let lock = NSLock()
    private var kept: [Key: CacheSegments.Reference] = [:]

    init(entries: [Key: CacheSegments.Reference], segments: CacheSegments, writer: SegmentWriter?) {
        earlier = entries
        self.segments = segments
        self.writer = writer
    }

    /// This build's parts: those reused and those rendered anew.
    var entries: [Key: CacheSegments.Reference] { lock.withLock { kept } }

    /// The part kept for the incident and site fingerprints, else rendered (and kept).
    func part(_ kind: Kind, incident: Int, site: Int, render: () throws -> [UInt8]) rethrows -> [UInt8] {
        let key = Key(kind: kind.rawValue, incident: incident, site: site)
        if let reference = earlier[key], let bytes = segments.bytes(reference) {
            lock.withLock { kept[key] = reference }
            return bytes
        }
        let bytes = try render()
        // An incident's record is in incidents.json and in its own index.json: kept once.
        if let writer, lock.withLock({ kept[key] == nil }) {
            let reference = writer.append(bytes)
            lock.withLock { kept[key] = reference }
        }
        return bytes
    }
}
