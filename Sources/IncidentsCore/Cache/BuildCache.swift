import Foundation
internal import CPlatform

/// The folder `build --cache DIR` keeps between builds: each incident file's parse
/// outcome with its rendered body (`ParseCache`), and the path and fingerprint of every
/// file the last build published, with the output folder it went to.
///
/// Nothing in it is trusted blindly. The file is used only when it is whole (its
/// checksum), of this format, written by this very binary (its GNU build id) with the
/// same hashing and the same flags; an entry only for a file whose text and settings
/// hash to its key; the published list only while the output folder still carries the
/// token that build wrote into it. Anything else is a build without the cache, with the
/// same output. One build uses the folder at a time (an advisory lock); a second one
/// builds without it, and the file is replaced by a rename, so it is never half written.
public final class BuildCache {
    /// What an earlier build left, as far as it may be used.
    struct Contents {
        var parses: [String: ParseCache.Entry] = [:]
        var records: [RecordCache.Key: CacheSegments.Reference] = [:]
        var segments = CacheSegments()
        var published: Published?
        /// Why nothing was used, for `--verbose`: nil when the index was read.
        var unusedBecause: String?
    }

    /// The files a build published, and where.
    struct Published {
        var outputPath: String
        var token: String
        var paths: [String]
        var fingerprints: [Int]
    }

    /// The index: where every blob is, and what was published. Rewritten by each build.
    static let indexName = "index"
    private static let segmentPrefix = "segment-"
    private static let magic = Array("incidents build cache 1\n".utf8)

    public let folder: String
    private let lockDescriptor: Int32

    /// Opens (and creates) the cache folder and takes its lock; nil when another build
    /// holds it.
    public init?(folder: String) throws(BuildFailure) {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: folder), "cannot be used as the build cache: creating the folder failed (\(SystemErrorText.describe(error)))"))
        }
        let descriptor = open(folder + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DiskOutput.failure(folder + "/lock", "cannot be opened to lock the build cache", errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        lockDescriptor = descriptor
    }

    /// Refuses a cache folder the build would read as part of the site (`static/` would
    /// publish it, `content/` and `templates/` read it) or one inside the output folder,
    /// which each build replaces.
    static func checkPlacement(_ folder: String, siteRoot: String, output: String) throws(BuildFailure) {
        func real(_ path: String) -> String {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            if let resolved = SiteFiles.realPath(absolute) { return resolved }
            // Not there yet: its nearest existing parent, resolved.
            let parent = (absolute as NSString).deletingLastPathComponent
            return parent == absolute ? absolute : real(parent) + "/" + (absolute as NSString).lastPathComponent
        }
        let (cache, site, published) = (real(folder), real(siteRoot), real(output))
        func inside(_ outer: String) -> Bool { cache == outer || cache.hasPrefix(outer + "/") }
        for read in ["static", "content", "templates"] where inside(site + "/" + read) {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: folder), "is inside the site's \(read)/ folder, which the build reads; expected a cache folder outside it, such as .incidents-cache/"))
        }
        if inside(published) {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: folder), "is inside the output folder, which each build replaces; expected a cache folder outside it, such as .incidents-cache/"))
        }
        if site == cache || site.hasPrefix(cache + "/") {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: folder), "contains the site folder; expected a folder of its own for the cache, such as .incidents-cache/"))
        }
    }

    deinit {
        flock(lockDescriptor, LOCK_UN)
        close(lockDescriptor)
    }

    /// What this binary, with these flags, may take from a cache: a cache written by any
    /// other binary or with other flags is not read.
    static func identity(flags: String) -> [UInt8]? {
        var id = [UInt8](repeating: 0, count: 64)
        let length = id.withUnsafeMutableBufferPointer { incidents_build_id($0.baseAddress, 64) }
        guard length > 0 else { return nil }
        var writer = ByteWriter(capacity: 128)
        writer.data(id.prefix(length))
        // Fingerprints are Swift hashes: the same only in processes that hash alike.
        writer.integer("incidents build cache".hashValue)
        writer.text(flags)
        return writer.bytes
    }

    /// Reads what an earlier build left.
    func load(flags: String) -> Contents {
        guard let identity = Self.identity(flags: flags) else { return Contents(unusedBecause: "this binary has no build id") }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + Self.indexName)) else {
            return Contents(unusedBecause: "it is empty")
        }
        return data.withUnsafeBytes { bytes in
            do {
                return try decode(bytes, identity: identity)
            } catch let reason as Unusable {
                return Contents(unusedBecause: reason.reason)
            } catch {
                return Contents(unusedBecause: "it is damaged")
            }
        }
    }

    /// A new segment for this build's blobs, to follow `contents`' segments.
    func newSegment(after contents: Contents) -> SegmentWriter? {
        SegmentWriter(path: folder + "/" + Self.segmentPrefix + DiskOutput.newToken(), number: contents.segments.names.count)
    }

    /// Replaces the index with what this build parsed, rendered and published; copies
    /// the blobs still in use out of segments that are mostly dead, and deletes every
    /// segment the new index does not name.
    func save(parses: ParseCache, records: RecordCache, contents: Contents, writer: SegmentWriter,
              published: Published?, flags: String) throws(BuildFailure) {
        guard let identity = Self.identity(flags: flags) else { return }
        var parseEntries = parses.entries
        var recordEntries = records.entries
        let old = contents.segments

        // Segments where less than half the bytes are still used: their live blobs move.
        var live = [Int](repeating: 0, count: old.names.count)
        func count(_ reference: CacheSegments.Reference) { if reference.segment < old.names.count { live[reference.segment] += reference.length } }
        for entry in parseEntries.values { count(entry.outcome); count(entry.body) }
        for reference in recordEntries.values { count(reference) }
        let moved = Set(old.names.indices.filter { live[$0] > 0 && live[$0] * 2 < old.segmentSize($0) })
        func move(_ reference: CacheSegments.Reference) -> CacheSegments.Reference? {
            guard moved.contains(reference.segment) else { return reference }
            return old.bytes(reference).map(writer.append)
        }
        for (path, entry) in parseEntries {
            if let outcome = move(entry.outcome), let body = move(entry.body) {
                parseEntries[path]?.outcome = outcome
                parseEntries[path]?.body = body
            } else {
                parseEntries[path] = nil
            }
        }
        for (key, reference) in recordEntries { recordEntries[key] = move(reference) }
        guard writer.finish() else {
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: writer.path), "could not be written (the site was published; the next build will not use the cache)"))
        }

        // The new list of segments, and each old number's new one.
        var names: [String] = []
        var renumbered: [Int: Int] = [:]
        for number in old.names.indices where live[number] > 0 && !moved.contains(number) {
            renumbered[number] = names.count
            names.append(old.names[number])
        }
        if !writer.isEmpty {
            renumbered[writer.number] = names.count
            names.append((writer.path as NSString).lastPathComponent)
        }
        func put(_ reference: CacheSegments.Reference, _ index: inout ByteWriter) {
            index.integer(renumbered[reference.segment] ?? -1)
            index.integer(reference.offset)
            index.integer(reference.length)
            index.integer(reference.checksum)
        }

        var index = ByteWriter(capacity: 1 << 20)
        index.data(Self.magic)
        index.data(identity)
        index.integer(names.count)
        names.forEach { index.text($0) }
        index.integer(parseEntries.count)
        for (path, entry) in parseEntries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            index.text(path)
            index.integer(entry.key.first)
            index.integer(entry.key.second)
            put(entry.outcome, &index)
            put(entry.body, &index)
            index.integer(entry.markdownLength)
        }
        index.integer(recordEntries.count)
        for (key, reference) in recordEntries.sorted(by: { ($0.key.kind, $0.key.incident, $0.key.site) < ($1.key.kind, $1.key.incident, $1.key.site) }) {
            index.integer(key.kind)
            index.integer(key.incident)
            index.integer(key.site)
            put(reference, &index)
        }
        index.integer(published == nil ? 0 : 1)
        if let published {
            index.text(published.outputPath)
            index.text(published.token)
            index.integer(published.paths.count)
            for (path, fingerprint) in zip(published.paths, published.fingerprints) {
                index.text(path)
                index.integer(fingerprint)
            }
        }
        var bytes = index.bytes
        let checksum = bytes.withUnsafeBytes { Checksum.of($0) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes.append(contentsOf: $0) }
        let temporary = folder + "/.\(Self.indexName).\(getpid())"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        } catch {
            unlink(temporary)
            throw BuildFailure(Diagnostic(SourceLocation(wholeFile: folder + "/" + Self.indexName),
                                          "could not be written (the site was published; the next build will not use the cache): \(SystemErrorText.describe(error))"))
        }
        guard rename(temporary, folder + "/" + Self.indexName) == 0 else {
            let code = errno
            unlink(temporary)
            throw DiskOutput.failure(folder + "/" + Self.indexName, "could not be replaced (the site was published)", code)
        }
        // Segments no index names: replaced ones, and those of builds that were killed.
        let kept = Set(names)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(Self.segmentPrefix) && !kept.contains(name) {
            unlink(folder + "/" + name)
        }
    }

    /// The bytes the cache folder holds, for `--verbose` and the benchmarks.
    public var byteCount: Int {
        var total = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            var status = stat()
            if stat(folder + "/" + name, &status) == 0 { total += Int(status.st_size) }
        }
        return total
    }

    // MARK: Reading

    private struct Unusable: Error { let reason: String }

    private func decode(_ bytes: UnsafeRawBufferPointer, identity: [UInt8]) throws -> Contents {
        guard bytes.count >= 8 else { throw Unusable(reason: "it is damaged (too short)") }
        let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)])
        var reader = ByteReader(body)
        guard (try? reader.data()).map({ $0.elementsEqual(Self.magic) }) == true else { throw Unusable(reason: "it is not a cache of this format") }
        guard try reader.data().elementsEqual(identity) else {
            throw Unusable(reason: "it was written by another build of incidents, with other flags, or by a process that hashes differently")
        }
        let stored = bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        guard UInt64(littleEndian: stored) == Checksum.of(body) else { throw Unusable(reason: "it is damaged (its checksum does not match)") }
        var names: [String] = []
        for _ in 0..<(try reader.count()) { names.append(try reader.text()) }
        guard let segments = CacheSegments(folder: folder, names: names) else { throw Unusable(reason: "it is damaged (a segment is missing)") }
        var contents = Contents(segments: segments)
        func reference() throws -> CacheSegments.Reference {
            let found = CacheSegments.Reference(segment: try reader.signed(), offset: try reader.signed(), length: try reader.signed(), checksum: try reader.integer())
            guard segments.contains(found) else { throw Unusable(reason: "it is damaged (a segment is shorter than its index says)") }
            return found
        }
        let parses = try reader.count()
        contents.parses.reserveCapacity(parses)
        for _ in 0..<parses {
            let path = try reader.text()
            let key = ParseCache.Key(first: try reader.integer(), second: try reader.integer())
            contents.parses[path] = ParseCache.Entry(key: key, outcome: try reference(), body: try reference(), markdownLength: try reader.signed())
        }
        let records = try reader.count()
        contents.records.reserveCapacity(records)
        for _ in 0..<records {
            let key = RecordCache.Key(kind: try reader.signed(), incident: try reader.signed(), site: try reader.signed())
            contents.records[key] = try reference()
        }
        if try reader.integer() == 1 {
            let outputPath = try reader.text()
            let token = try reader.text()
            let routes = try reader.count()
            var paths: [String] = []
            var fingerprints: [Int] = []
            paths.reserveCapacity(routes)
            fingerprints.reserveCapacity(routes)
            for _ in 0..<routes {
                paths.append(try reader.text())
                fingerprints.append(try reader.signed())
            }
            contents.published = Published(outputPath: outputPath, token: token, paths: paths, fingerprints: fingerprints)
        }
        guard reader.isAtEnd else { throw ByteReader.Damaged() }
        return contents
    }
}
