/// Which languages have each page: the same path under each language's folder
/// (`incidents/x/index.html` and `fr/incidents/x/index.html`) is one page in two
/// languages. Made from the planned table, so a translation is linked exactly when
/// its page is written, and the links are reciprocal by construction.
final class PageTranslations: Sendable {
    /// Every language of the site, by position.
    let languages: [SiteLanguage]
    /// For each page that more than one language has, by its path inside a language's
    /// folder: the positions of those languages, in order.
    let byPath: [String: [Int]]
    /// The routes of pages that have translations, by their place in the table.
    let translatedRoutes: [Int]

    init(_ table: RouteTable) {
        languages = table.builds.map(\.site.language)
        guard languages.count > 1 else {
            byPath = [:]
            translatedRoutes = []
            return
        }
        var found: [String: [Int]] = [:]
        var pages: [(route: Int, inside: String)] = []
        for (index, route) in table.routes.enumerated() where RouteTable.isSitemapPage(route) || route.producer == RouteTable.tombstonePages {
            let inside = Self.inside(route.path, languages[route.language])
            found[inside, default: []].append(route.language)
            pages.append((index, inside))
        }
        byPath = found.filter { $0.value.count > 1 }
        translatedRoutes = pages.compactMap { [byPath] page in byPath[page.inside] == nil ? nil : page.route }
    }

    /// `path` inside `language`'s folder: `fr/tags/index.html` → `tags/index.html`.
    static func inside(_ path: String, _ language: SiteLanguage) -> String {
        language.isDefault ? path : String(path.dropFirst(language.prefix.count))
    }

    /// The languages of the page at output path `path`, whichever language's folder it
    /// is in, with its path inside a language's folder: for the sitemap.
    func languages(ofOutputPath path: String) -> (positions: [Int], inside: String)? {
        guard !byPath.isEmpty else { return nil }
        let language = languages.dropFirst().first { path.hasPrefix($0.prefix) } ?? languages[0]
        let inside = Self.inside(path, language)
        return byPath[inside].map { ($0, inside) }
    }

    /// What the page's translation links show, for its fingerprint; nil without any.
    func print(of route: Route) -> Int? {
        guard let positions = byPath[Self.inside(route.path, languages[route.language])] else { return nil }
        var hasher = Hasher()
        for position in positions {
            hasher.combine(position)
            hasher.combine(languages[position].name)
        }
        return hasher.finalize()
    }
}
