import Foundation

/// What `incidents check` found: every error a build would stop on, and warnings
/// about things that are most often mistakes.
public struct CheckReport: Sendable {
    /// Errors and warnings, sorted by file and position.
    public var diagnostics: [Diagnostic]
    public var incidentCount: Int

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// `check`: the pipeline run up to its plan, writing nothing.
///
/// It reports the errors a build stops on (the same, from the same stages), and warns
/// about unknown front-matter keys (with a "did you mean"), missing recommended values
/// (summary, sources, a source's URL), characters feeds cannot carry, titles used by
/// two incidents, and links in bodies to pages the site does not have: each relative
/// link is resolved from its incident's page and looked up among the planned files.
public enum SiteChecker {
    public static func check(rootPath: String, includeDrafts: Bool = false) -> CheckReport {
        let pipeline = Pipeline(Pipeline.Options(sourcePath: rootPath, includeDrafts: includeDrafts))
        let analysis = pipeline.analyse()
        var diagnostics = Set(analysis.errors).union(analysis.warnings)
        if let build = analysis.build {
            diagnostics.formUnion(duplicateTitles(build.site.incidents))
            if let table = analysis.table { diagnostics.formUnion(brokenLinks(analysis.links, table: table)) }
        }
        return CheckReport(diagnostics: diagnostics.sorted(), incidentCount: pipeline.files?.incidentFiles.count ?? 0)
    }

    private static func duplicateTitles(_ incidents: [Incident]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for (_, group) in Dictionary(grouping: incidents, by: { $0.title.lowercased() }) where group.count > 1 {
            let paths = group.map(\.sourcePath).sorted()
            for path in paths {
                let others = paths.filter { $0 != path }.joined(separator: ", ")
                warnings.append(Diagnostic(SourceLocation(file: path, line: 1, column: 1), key: "title",
                                           "\"\(group[0].title)\" is also the title of \(others); readers cannot tell them apart",
                                           severity: .warning))
            }
        }
        return warnings
    }

    /// Links from bodies to files the build does not write.
    private static func brokenLinks(_ links: [LocatedLink], table: RouteTable) -> [Diagnostic] {
        let planned = Set(table.routes.map(\.path))
        var warnings: [Diagnostic] = []
        for link in links {
            let folder = (link.language.isEmpty ? [] : [link.language]) + Addresses.incident(link.from).segments
            guard let target = resolve(link.url, from: folder) else { continue }
            let index = target.path.isEmpty ? "index.html" : target.path + "/index.html"
            let exists = target.isFolder ? planned.contains(index) : planned.contains(target.path) || planned.contains(index)
            guard !exists else { continue }
            var warning = Diagnostic(link.location, key: "body",
                                     "the link \(link.url) leads to \(target.path)\(target.isFolder ? "/" : ""), which does not exist",
                                     severity: .warning)
            warning.excerpt = link.excerpt
            warnings.append(warning)
        }
        return warnings
    }

    /// The output path a relative link from the page in `folder` leads to (without a
    /// trailing slash), and whether it names a folder; nil for a link out of the site.
    static func resolve(_ link: String, from folder: [String]) -> (path: String, isFolder: Bool)? {
        let path = link.prefix { $0 != "#" && $0 != "?" }
        var components = folder
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part).removingPercentEncoding ?? String(part))
            }
        }
        guard !components.isEmpty else { return ("", true) }
        return (components.joined(separator: "/"), path.hasSuffix("/") || path.hasSuffix("/.") || path == "." || path == "..")
    }
}
