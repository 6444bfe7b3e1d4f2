/// The parse stage's outcome for one incident file: the incident, with its body
/// rendered once into the build's `BodyStore`, or every error it has; and what `check`
/// reports about it (warnings, and the links of its body with their positions).
///
/// A class, so that the model stage's pass over 10,000 of them on every rebuild moves
/// references rather than copies of every incident.
final class ParsedFile: Sendable {
    let result: Result<Incident, BuildFailure>
    /// Whether the incident is marked `draft: true`, to be known without copying it out.
    let isDraft: Bool
    let warnings: [Diagnostic]
    let links: [LocatedLink]
    /// `Translation.fingerprint` of the file's text, for a site in several languages:
    /// what a translation's `translated_from:` is compared with.
    let fingerprint: String?

    /// Reads the file at `path` through `files` and parses it; every diagnostic about it
    /// carries its source line. With `source`, the file is a translation of it, and the
    /// links of its body resolve from its page in `language`'s folder.
    init(path: String, files: SiteFiles, markdown: MarkdownRenderer, bodies: BodyStore, vocabularies: Vocabularies = [:],
         translating source: Incident? = nil, language: String = "", fingerprinted: Bool = false,
         cache: ParseCache? = nil, context: Int = 0) {
        let outcome = Outcome(path: path, files: files, markdown: markdown, bodies: bodies, vocabularies: vocabularies,
                              source: source, language: language, fingerprinted: fingerprinted, cache: cache, context: context)
        result = outcome.result
        isDraft = outcome.isDraft
        warnings = outcome.warnings
        links = outcome.links
        fingerprint = outcome.fingerprint
    }

    /// A successful outcome as `ParseCache` keeps it; the body is kept beside it.
    struct Stored {
        var incident: Incident
        var isDraft: Bool
        var warnings: [Diagnostic]
        var links: [LocatedLink]
        var fingerprint: String?
    }
}

/// What parsing one file found, gathered as it goes.
private struct Outcome {
    var result: Result<Incident, BuildFailure>
    var isDraft = false
    var warnings: [Diagnostic] = []
    var links: [LocatedLink] = []
    var fingerprint: String?

    init(path: String, files: SiteFiles, markdown: MarkdownRenderer, bodies: BodyStore, vocabularies: Vocabularies,
         source: Incident?, language: String, fingerprinted: Bool, cache: ParseCache?, context: Int) {
        let text: String
        switch files.readText(path) {
        case .failure(let failure):
            result = .failure(failure)
            return
        case .success(let read):
            text = read
        }
        let key = cache.map { _ in
            ParseCache.key(text: text, path: path, context: context, source: source?.sourcePrint, language: language, fingerprinted: fingerprinted)
        }
        if let cache, let key, let kept = cache.reuse(path, key: key, bodies: bodies) {
            var incident = kept.stored.incident
            incident.body = .stored(kept.body)
            (isDraft, warnings, links, fingerprint) = (kept.stored.isDraft, kept.stored.warnings, kept.stored.links, kept.stored.fingerprint)
            result = .success(incident)
            return
        }
        if fingerprinted { fingerprint = Translation.fingerprint(of: text) }
        let (parsed, warnings) = IncidentParser.parseReportingWarnings(text, path: path, vocabularies: vocabularies, translating: source)
        var locator: SourceLocator?
        func located() -> SourceLocator {
            if let locator { return locator }
            let made = SourceLocator(text)
            locator = made
            return made
        }
        self.warnings = warnings.isEmpty ? [] : warnings.withExcerpts(of: path, from: located())
        switch parsed {
        case .failure(let failure):
            result = .failure(BuildFailure(failure.diagnostics.withExcerpts(of: path, from: located())))
        case .success(var incident):
            guard case .inline(let body) = incident.body else {
                isDraft = incident.draft
                result = .success(incident)
                return
            }
            let (html, bodyLinks) = markdown.renderCollectingLinks(body)
            for index in incident.timeline.indices {
                incident.timeline[index].html = markdown.renderInline(incident.timeline[index].text)
            }
            do {
                incident.body = .stored(try bodies.add(markdown: body, html: html))
            } catch {
                result = .failure(error)
                return
            }
            let relative = bodyLinks.filter { LocatedLink.isSiteRelative($0.url) }
            if !relative.isEmpty {
                let locator = located()
                let bytes = Array(text.utf8)
                for link in relative {
                    // cmark-gfm places the link at its `[`; the address itself is where the
                    // editor looks, so it is found from there.
                    let start = locator.offset(line: incident.bodyFirstLine + link.line - 1, byteColumn: link.byteColumn)
                    let offset = ParsedFile.find(Array(link.url.utf8), in: bytes, from: start) ?? start
                    let (line, column) = locator.position(ofByte: offset)
                    links.append(LocatedLink(url: link.url, from: incident.slug, language: language, location: SourceLocation(file: path, line: line, column: column),
                                             excerpt: locator.excerpt(line: line, column: column)))
                }
            }
            isDraft = incident.draft
            result = .success(incident)
            if let cache, let key {
                cache.record(path, key: key, stored: ParsedFile.Stored(incident: incident, isDraft: isDraft, warnings: self.warnings, links: links,
                                                                      fingerprint: fingerprint),
                             markdown: body, html: html)
            }
        }
    }
}

extension ParsedFile {
    /// The first occurrence of `needle` in `bytes` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// A link in an incident's body that leads to a page of the site, where it was written.
struct LocatedLink: Sendable {
    var url: String
    /// The slug of the incident whose page holds the link (links resolve from there),
    /// and the language whose folder the page is in ("" for the default).
    var from: String
    var language: String = ""
    var location: SourceLocation
    var excerpt: SourceExcerpt?

    /// Relative to the page: no scheme, not from the site root, not only an anchor.
    static func isSiteRelative(_ url: String) -> Bool {
        let path = url.prefix { $0 != "#" && $0 != "?" }
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        let head = path.prefix { $0 != "/" }
        return !head.contains(":")
    }
}
