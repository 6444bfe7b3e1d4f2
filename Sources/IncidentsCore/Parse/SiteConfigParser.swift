import Foundation

/// Reads `site.yml`. Every key is optional; unknown keys are errors here, since
/// a typo in site settings silently changes the whole site.
public enum SiteConfigParser {
    public static let knownKeys = ["title", "description", "base_url", "language", "per_page", "unsafe_html", "facets", "search", "languages"]

    /// Incidents per list page at most; more belong on one page (`per_page: 0`).
    public static let maximumPerPage = 10_000

    /// Why `url` cannot be the site's address, or nil: it must be an absolute http(s) URL
    /// with a host, and nothing that every address built from it would carry along
    /// (a query, a fragment) or leak (a user name or password).
    static func baseURLProblem(_ url: String) -> String? {
        let example = "expected one such as https://example.org/incidents/"
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), SourceURL.problem(with: url) == nil,
              let parts = URLComponents(string: url), let host = parts.host, !host.isEmpty else {
            return "is not an absolute URL, \(example)"
        }
        if parts.user != nil || parts.password != nil { return "carries a user name or password, which every page would publish; \(example)" }
        if parts.query != nil { return "has a query (?…), which would end up in the middle of every address; \(example)" }
        if parts.fragment != nil { return "has a fragment (#…), which would end up in the middle of every address; \(example)" }
        return nil
    }

    public static func parse(_ text: String, path: String = "site.yml") -> Result<SiteConfig, BuildFailure> {
        var config = SiteConfig()
        var reader: FrontMatterReader
        do {
            let yaml = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            reader = try FrontMatterReader(FrontMatterDocument(yaml: yaml.replacingCRLF(), yamlFirstLine: 1, body: ""), path: path)
        } catch {
            return .failure(error)
        }
        if let title = reader.text("title", what: "the site's title as text") { config.title = title }
        config.description = reader.text("description")
        let languageNode = reader.peek("language")
        if let language = reader.text("language", what: "a language code such as en or fr-CA") {
            if IncidentParser.isLanguageTag(language) {
                config.language = language
            } else if let languageNode {
                reader.report(languageNode, key: "language", "\(FrontMatterReader.quote(language)) is not a language tag, expected one such as en, fr or pt-BR")
            }
        }
        if let node = reader.peek("languages") {
            config.languagesLocation = reader.location(of: node)
            var seen: [String] = []
            let codes = reader.textList("languages", maximum: 64) { code in
                if !IncidentParser.isLanguageTag(code) { return "\(FrontMatterReader.quote(code)) is not a language tag, expected one such as en, fr or pt-BR" }
                if seen.contains(where: { $0.lowercased() == code.lowercased() }) { return "\(FrontMatterReader.quote(code)) is listed twice, expected each language once" }
                seen.append(code)
                return nil
            }
            if let first = codes.first {
                if languageNode != nil, config.language != first {
                    reader.report(node, key: "languages", "starts with \(first), but language is \(config.language); expected the default language first (or no language key)")
                }
                config.language = first
                config.languages = codes
            } else {
                reader.report(node, key: "languages", "is empty, expected the site's languages, the default first, such as [en, fr]")
            }
        }
        if let node = reader.take("base_url"),
           let url = reader.text(node, key: "base_url", required: true, what: "an absolute URL such as https://example.org/incidents/") {
            if let problem = Self.baseURLProblem(url) {
                reader.report(node, key: "base_url", "\(FrontMatterReader.quote(url)) \(problem)")
            } else {
                config.baseURL = url.hasSuffix("/") ? url : url + "/"
            }
        }
        if let node = reader.take("per_page") {
            // Bounded so that page arithmetic can never overflow; 0 already means one page.
            if let raw = node.scalar?.text, let number = Int(raw), (0...Self.maximumPerPage).contains(number) {
                config.perPage = number
            } else {
                reader.report(node, key: "per_page", "found \(FrontMatterReader.describe(node)), expected a whole number from 0 to \(Self.maximumPerPage) (0 = one page)")
            }
        }
        if let unsafe = reader.bool("unsafe_html") { config.unsafeHTML = unsafe }
        if let search = reader.bool("search") { config.search = search }
        let known = IncidentField.browsable.map(\.key)
        let facetsGiven = reader.remainingKeys.contains { $0.0 == "facets" }
        let facetNames = reader.textList("facets", maximum: known.count) { name in
            guard !known.contains(name.lowercased()) else { return nil }
            let suggestion = closestKey(to: name.lowercased(), in: known).map { " (did you mean \($0)?)" } ?? ""
            return "\(FrontMatterReader.quote(name)) is not a field incidents can be browsed by\(suggestion), expected some of \(known.joined(separator: ", "))"
        }
        if facetsGiven {
            config.facets = []
            for field in facetNames.compactMap({ IncidentField.named($0.lowercased()) }) where !config.facets.contains(where: { $0.key == field.key }) {
                config.facets.append(field)
            }
        }
        for (key, location) in reader.remainingKeys {
            let suggestion = closestKey(to: key, in: knownKeys).map { " (did you mean \($0)?)" } ?? ""
            reader.report(at: location, key: key, "is not a site setting\(suggestion), expected one of \(knownKeys.joined(separator: ", "))")
        }
        guard reader.diagnostics.isEmpty else { return .failure(BuildFailure(reader.diagnostics)) }
        return .success(config)
    }
}

/// The known key a misspelt `key` most likely meant: within two edits, or none.
func closestKey(to key: String, in known: [String]) -> String? {
    known.map { ($0, editDistance($0, key)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
}

/// Levenshtein distance, for "did you mean" hints on misspelt keys.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
