import Foundation

/// A site kept in memory between builds, so that a change to incident files
/// rewrites only the pages it affects: the path a dev server takes.
///
/// The output after `update` is identical to a full build of the same files: each
/// output file has a fingerprint of everything it shows, and exactly the files whose
/// fingerprint changed are written again (or removed when they no longer exist).
/// A change to anything but incident files (settings, templates, pages, static
/// files) reloads and rewrites the whole site.
public final class IncrementalBuild {
    /// What one build or update did.
    public struct Report: Sendable, Equatable {
        public var written: [String]
        public var removed: [String]
        public var incidents: Int
        public var tags: Int
    }

    public let rootPath: String
    public let includeDrafts: Bool
    private var loader: SiteLoader
    /// Settings, pages and templates, read again only on a full build.
    private var siteWide: SiteLoader.SiteWide?
    /// Parsed incidents, in the order of the last build (so that sorting them again
    /// moves little), and where each is by site-relative path.
    private var incidents: [Incident] = []
    private var positionByPath: [String: Int] = [:]
    /// The problems of files that failed, by site-relative path.
    private var problems: [String: [Diagnostic]] = [:]
    /// A hash of each incident file's text, by path.
    private var sourcePrints: [String: Int] = [:]
    /// The fingerprint of every file written last time, by output path.
    private var outputPrints: [String: Int] = [:]
    /// Rendered cards and data records by incident fingerprint, kept while settings and templates stay the same.
    private var caches = RenderCaches(keepingRecords: true)

    public init(rootPath: String, includeDrafts: Bool = false) throws {
        self.rootPath = rootPath
        self.includeDrafts = includeDrafts
        self.loader = SiteLoader(files: try SiteFiles(rootPath: rootPath), includeDrafts: includeDrafts)
    }

    /// Loads every file and writes the whole site into `sink`.
    @discardableResult
    public func buildAll(into sink: some OutputSink) throws -> Report {
        loader = SiteLoader(files: try SiteFiles(rootPath: rootPath), includeDrafts: includeDrafts)
        incidents = []
        positionByPath = [:]
        problems = [:]
        sourcePrints = [:]
        siteWide = loader.loadSiteWide()
        caches = RenderCaches(keepingRecords: true)
        absorb(loader.files.incidentFiles)
        return try render(into: sink, everything: true)
    }

    /// Brings `sink` up to date after the files at `changedPaths` (site-relative)
    /// were created, edited or deleted. On a validation error nothing is written
    /// and the error is thrown; the previous output stays as it was.
    ///
    /// The site is listed again through `SiteFiles` every time, so an update obeys
    /// every rule a full build does (links, file kinds, names): which incident files
    /// exist is the listing's word, not the watcher's.
    @discardableResult
    public func update(changedPaths: [String], into sink: some OutputSink) throws -> Report {
        let incidentChanges = changedPaths.filter { $0.hasPrefix("content/incidents/") && $0.hasSuffix(".md") }
        guard incidentChanges.count == changedPaths.count, !outputPrints.isEmpty else {
            return try buildAll(into: sink)
        }
        let previous = loader.files
        let files = try SiteFiles(rootPath: rootPath)
        guard files.pageFiles == previous.pageFiles, files.templateFiles == previous.templateFiles,
              files.staticFiles == previous.staticFiles, files.hasConfig == previous.hasConfig else {
            return try buildAll(into: sink)
        }
        loader = SiteLoader(files: files, includeDrafts: includeDrafts)
        let listed = Set(files.incidentFiles)
        for path in positionByPath.keys where !listed.contains(path) { forget(path) }
        for path in problems.keys where !listed.contains(path) { problems[path] = nil }
        let known = Set(positionByPath.keys).union(problems.keys)
        absorb(incidentChanges.filter(listed.contains) + files.incidentFiles.filter { !known.contains($0) })
        return try render(into: sink, everything: false)
    }

    /// Parses the given incident files again.
    private func absorb(_ paths: [String]) {
        let files = loader.files
        let results = SiteLoader.parallelMap(Array(Set(paths)).sorted()) { path in
            (path, Result.parsing(path, in: files) { text in
                IncidentParser.parse(text, path: path, keepingBody: false).map { (incident: $0, print: text.hashValue) }
            })
        }
        for (path, result) in results {
            problems[path] = nil
            switch result {
            case .success(let (incident, print)):
                // An edit keeps its place, so the list stays sorted unless the order changed.
                if let position = positionByPath[path] {
                    incidents[position] = incident
                } else {
                    positionByPath[path] = incidents.count
                    incidents.append(incident)
                }
                sourcePrints[path] = print
            case .failure(let failure):
                forget(path)
                problems[path] = failure.diagnostics
            }
        }
    }

    private func forget(_ path: String) {
        problems[path] = nil
        sourcePrints[path] = nil
        guard let position = positionByPath.removeValue(forKey: path) else { return }
        // Swap with the last so the others keep their positions.
        let last = incidents.count - 1
        if position != last {
            incidents.swapAt(position, last)
            positionByPath[incidents[position].sourcePath] = position
        }
        incidents.removeLast()
    }

    /// Keeps the incidents in the order of the site just built, when it differs:
    /// sorting an already sorted list then copies nothing.
    private func adoptOrder(of site: Site) {
        guard site.incidents.count == incidents.count,
              !incidents.indices.allSatisfy({ site.incidents[$0].sourcePath == incidents[$0].sourcePath }) else { return }
        incidents = site.incidents
        for (position, incident) in incidents.enumerated() { positionByPath[incident.sourcePath] = position }
    }

    private func render(into sink: some OutputSink, everything: Bool) throws -> Report {
        // Site orders incidents itself (by date, title and unique slug).
        let (site, templates) = try loader.assemble(incidents: incidents, problems: problems.values.flatMap { $0 },
                                                    siteWide: siteWide)
        adoptOrder(of: site)
        let incidentPrints = SiteRenderer.incidentFingerprints(site: site) { [sourcePrints] in sourcePrints[$0.sourcePath] ?? 0 }
        caches.keepOnly(Set(incidentPrints))
        let renderer = try SiteRenderer(site: site, templates: templates, files: loader.files, caches: caches, cardKeys: incidentPrints)
        let prints = renderer.fingerprints(incidentPrints: incidentPrints)
        let changed = everything ? Set(prints.keys) : Set(prints.filter { outputPrints[$0.key] != $0.value }.keys)
        let removed = outputPrints.keys.filter { prints[$0] == nil }.sorted()
        try renderer.render(to: sink, only: everything ? nil : changed)
        for path in removed { try sink.remove(path) }
        outputPrints = prints
        return Report(written: changed.sorted(), removed: removed, incidents: site.incidents.count, tags: site.tags.count)
    }
}
