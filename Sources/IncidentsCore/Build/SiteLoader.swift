import Foundation

/// Reads and validates a whole site folder into a `Site` and its `TemplateSet`.
///
/// Files are read and parsed in parallel; every problem of every file is collected
/// and thrown together, sorted by file and position.
public struct SiteLoader: Sendable {
    /// The site's files: every read goes through them.
    public let files: SiteFiles
    public let includeDrafts: Bool
    /// Told of each incident file read, when set.
    public var progress: BuildProgress?

    public init(files: SiteFiles, includeDrafts: Bool = false, progress: BuildProgress? = nil) {
        self.files = files
        self.includeDrafts = includeDrafts
        self.progress = progress
    }

    public func load() throws(BuildFailure) -> (site: Site, templates: TemplateSet) {
        let incidents = parseIncidents(files.incidentFiles)
        var diagnostics: [Diagnostic] = []
        var parsed: [Incident] = []
        for result in incidents {
            switch result {
            case .success(let incident): parsed.append(incident)
            case .failure(let failure): diagnostics += failure.diagnostics
            }
        }
        return try assemble(incidents: parsed, problems: diagnostics)
    }

    /// Reads and parses incident files in parallel, in the order given.
    public func parseIncidents(_ paths: [String]) -> [Result<Incident, BuildFailure>] {
        let files = files
        let progress = progress
        progress?.begin("reading", total: paths.count)
        return Self.parallelMap(paths) { path in
            defer { progress?.advance() }
            return .parsing(path, in: files) { IncidentParser.parse($0, path: path, keepingBody: false) }
        }
    }

    /// Everything of a site but its incidents: settings, standalone pages and templates,
    /// with the problems found in them. An incremental rebuild keeps it while only
    /// incident files change.
    public struct SiteWide: Sendable {
        public var config: SiteConfig
        public var pages: [StandalonePage]
        public var templates: TemplateSet?
        public var diagnostics: [Diagnostic]
    }

    public func loadSiteWide() -> SiteWide {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        if files.hasConfig {
            switch Result.parsing("site.yml", in: files, { SiteConfigParser.parse($0) }) {
            case .success(let parsed): config = parsed
            case .failure(let failure): diagnostics += failure.diagnostics
            }
        }

        var pages: [StandalonePage] = []
        let files = files
        for result in Self.parallelMap(files.pageFiles, { path in Result.parsing(path, in: files) { PageParser.parse($0, path: path) } }) {
            switch result {
            case .success(let page): pages.append(page)
            case .failure(let failure): diagnostics += failure.diagnostics
            }
        }
        diagnostics += Self.duplicateSlugs(pages.map { ($0.slug.lowercased(), $0.sourcePath, $0.slugLocation) }, what: "page")

        var overrides: [(path: String, text: String)] = []
        for path in files.templateFiles {
            switch files.readText(path) {
            case .success(let text): overrides.append((path, text))
            case .failure(let failure): diagnostics += failure.diagnostics
            }
        }
        var templates: TemplateSet?
        do {
            templates = try TemplateSet(overrides: overrides)
        } catch {
            diagnostics += error.diagnostics
        }
        return SiteWide(config: config, pages: pages, templates: templates, diagnostics: diagnostics)
    }

    /// Completes a load from parsed incidents: checks what involves several files
    /// (duplicate slugs) and throws every problem, including `problems` found earlier
    /// and those of `siteWide`, if there are any.
    public func assemble(incidents: [Incident], problems: [Diagnostic], siteWide: SiteWide? = nil) throws(BuildFailure) -> (site: Site, templates: TemplateSet) {
        let siteWide = siteWide ?? loadSiteWide()
        var diagnostics = files.diagnostics + siteWide.diagnostics + problems
        diagnostics += Self.duplicateSlugs(incidents.map { ($0.slug, $0.sourcePath, $0.slugLocation) }, what: "incident")
        guard diagnostics.isEmpty, let templates = siteWide.templates else { throw BuildFailure(diagnostics) }
        let site = Site(
            config: siteWide.config,
            incidents: includeDrafts || !incidents.contains(where: \.draft) ? incidents : incidents.filter { !$0.draft },
            pages: includeDrafts ? siteWide.pages : siteWide.pages.filter { !$0.draft },
            staticFiles: files.staticFiles
        )
        return (site, templates)
    }

    /// Two files that would write the same page: both are named, each at its slug.
    /// Slugs that differ only in Unicode normalisation are the same (Swift compares
    /// strings by canonical equivalence), and would be the same address to a reader.
    private static func duplicateSlugs(_ entries: [(slug: String, path: String, location: SourceLocation)], what: String) -> [Diagnostic] {
        var seen = Set<String>(minimumCapacity: entries.count)
        guard entries.contains(where: { !seen.insert($0.slug).inserted }) else { return [] }
        var diagnostics: [Diagnostic] = []
        for (slug, group) in Dictionary(grouping: entries, by: \.slug) where group.count > 1 {
            for entry in group {
                // Paths compared by bytes: two names equal as Swift strings are still two files.
                let others = group.map(\.path).filter { !$0.utf8.elementsEqual(entry.path.utf8) }.sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(entry.location, key: "slug",
                                              "\"\(slug)\" is also the slug of \(others), expected each \(what) to have its own slug"))
            }
        }
        return diagnostics
    }

    /// `transform` applied to every element on all cores; results keep the input order.
    /// The caller guarantees `transform` may run on several threads at once (it reads
    /// shared values and writes nothing shared), which the type system cannot see
    /// through `[String: Any]` template values.
    static func parallelMap<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable((items: items, transform: transform))
            let results = UnsafeResultBuffer<R>(count: items.count)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                results.set(index, work.value.transform(work.value.items[index]))
            }
            return results.values
        }
    }
}

/// A value handed to parallel workers that only read it.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Slots written by exactly one parallel iteration each, read after all have finished.
private final class UnsafeResultBuffer<R>: @unchecked Sendable {
    private var slots: [R?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: R) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    var values: [R] { slots.map { $0! } }
}
