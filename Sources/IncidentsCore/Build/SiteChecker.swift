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

/// Validates a whole site without writing anything.
///
/// Beyond the build's own validation it warns about unknown front-matter keys (with
/// a "did you mean"), missing recommended values (summary, sources, a source's URL),
/// titles used by two incidents, and links in Markdown bodies to incidents or tags
/// that do not exist.
public enum SiteChecker {
    public static func check(rootPath: String, includeDrafts: Bool = false) -> CheckReport {
        let files: SiteFiles
        do {
            files = try SiteFiles(rootPath: rootPath)
        } catch {
            return CheckReport(diagnostics: error.diagnostics, incidentCount: 0)
        }
        let loader = SiteLoader(files: files, includeDrafts: includeDrafts)
        let parsed = SiteLoader.parallelMap(files.incidentFiles) { path in
            (path, files.readText(path).map { text in (text, IncidentParser.parseReportingWarnings(text, path: path)) })
        }
        var diagnostics: Set<Diagnostic> = []
        var incidents: [Incident] = []
        var texts: [String: String] = [:]
        for (path, outcome) in parsed {
            switch outcome {
            case .failure(let failure):
                diagnostics.formUnion(failure.diagnostics)
            case .success(let (text, (result, warnings))):
                let locator = SourceLocator(text)
                diagnostics.formUnion(warnings.withExcerpts(of: path, from: locator))
                switch result {
                case .success(let incident):
                    incidents.append(incident)
                    texts[path] = text
                case .failure(let failure):
                    diagnostics.formUnion(failure.diagnostics.withExcerpts(of: path, from: locator))
                }
            }
        }
        do {
            let (site, templates) = try loader.assemble(incidents: incidents, problems: [])
            do {
                _ = try SiteRenderer(site: site, templates: templates, files: files)
            } catch {
                diagnostics.formUnion(error.diagnostics)
            }
            diagnostics.formUnion(duplicateTitles(site.incidents))
            diagnostics.formUnion(brokenLinks(site: site, texts: texts))
        } catch {
            diagnostics.formUnion(error.diagnostics)
        }
        return CheckReport(diagnostics: diagnostics.sorted(), incidentCount: incidents.count)
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

    /// Relative links in bodies that lead to `incidents/<slug>/` or `tags/<slug>/` pages that
    /// do not exist, located by searching the file's text (`texts`, by path) for the link.
    private static func brokenLinks(site: Site, texts: [String: String]) -> [Diagnostic] {
        let incidentSlugs = Set(site.incidents.map(\.slug))
        let tagSlugs = Set(site.tags.map(\.slug))
        let markdown = MarkdownRenderer(allowRawHTML: site.config.unsafeHTML)
        var warnings: [Diagnostic] = []
        for incident in site.incidents {
            guard let text = texts[incident.sourcePath],
                  let body = try? FrontMatterDocument.split(text, path: incident.sourcePath).body else { continue }
            let html = markdown.render(body)
            for target in hrefs(in: html) {
                guard let (section, slug) = resolve(target, from: ["incidents", incident.slug]) else { continue }
                let exists = section == "incidents" ? incidentSlugs.contains(slug) : tagSlugs.contains(slug)
                guard !exists else { continue }
                let offset = text.range(of: target).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
                let locator = SourceLocator(text)
                let (line, column) = locator.position(ofByte: offset)
                var warning = Diagnostic(SourceLocation(file: incident.sourcePath, line: line, column: column), key: "body",
                                         "the link \(target) leads to \(section)/\(slug)/, which does not exist", severity: .warning)
                warning.excerpt = locator.excerpt(line: line, column: column)
                warnings.append(warning)
            }
        }
        return warnings
    }

    private static func hrefs(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.firstRange(of: "href=\"") {
            let value = rest[start.upperBound...]
            guard let end = value.firstIndex(of: "\"") else { break }
            found.append(String(value[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            rest = value[end...]
        }
        return found
    }

    /// The section (`incidents` or `tags`) and slug a relative link from the page at
    /// `folder` leads to, or nil for external links, anchors and other pages.
    static func resolve(_ link: String, from folder: [String]) -> (String, String)? {
        let path = link.prefix { $0 != "#" && $0 != "?" }
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains(":") else { return nil }
        var components = folder
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(part).removingPercentEncoding ?? String(part))
            }
        }
        guard components.count >= 2, components[0] == "incidents" || components[0] == "tags" else { return nil }
        if components.count == 3 && components[2] == "index.html" { return (components[0], components[1]) }
        return components.count == 2 ? (components[0], components[1]) : nil
    }
}
