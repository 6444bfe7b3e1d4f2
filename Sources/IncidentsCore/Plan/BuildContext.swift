import Foundation

/// Everything planning and rendering read, made once per build from the site model:
/// the site, its templates and files, the rendered bodies, the values every page
/// shares, and the fingerprints that tell an incremental build what changed.
///
/// Immutable after `init` (the caches it holds are thread-safe), so producers read it
/// from every worker thread at once.
final class BuildContext: @unchecked Sendable {
    let site: Site
    let templates: TemplateSet
    let files: SiteFiles
    let bodies: BodyStore
    let caches: RenderCaches
    let markdown: MarkdownRenderer
    let neighbours: IncidentNeighbours
    /// The site's lists (index, tags, facet values), in `Site.lists`' order.
    let lists: [IncidentList]
    /// `site` and `nav`, the same on every page.
    let siteModel: TemplateValue
    let nav: TemplateValue
    /// A hash of everything every page can show: settings, templates, standalone pages
    /// (they are in every page's menu). Part of every fingerprint but static files'.
    let sitePrint: Int
    /// For each incident: everything its own page shows of its file and tags.
    let incidentPrints: [Int]
    /// For each incident: what a link to it shows elsewhere (title, address, date,
    /// severity, tags). A body edit changes none of it, so it rewrites no other page.
    let linkPrints: [Int]
    /// The pages of the route table (its `index.html` paths), for the sitemap; set
    /// once the table is planned, before anything renders.
    private(set) var plannedPages: [String] = []
    /// Which languages have each page, for the language switcher and `hreflang` links.
    private(set) var translations: PageTranslations?
    /// `t`: the built-in strings of the site's language, for templates.
    let strings: TemplateValue
    /// The site of every language, the default first (the sitemap lists them all); set
    /// by the route table before it plans.
    private(set) var languageSites: [Site] = []

    func meet(_ builds: [BuildContext]) {
        languageSites = builds.map(\.site)
    }

    func adopt(_ table: RouteTable, translations: PageTranslations) {
        if site.language.isDefault { plannedPages = table.routes.filter(RouteTable.isSitemapPage).map(\.path) }
        self.translations = translations
    }

    init(site: Site, templates: TemplateSet, files: SiteFiles, bodies: BodyStore, caches: RenderCaches) {
        self.site = site
        self.templates = templates
        self.files = files
        self.bodies = bodies
        self.caches = caches
        markdown = MarkdownRenderer(allowRawHTML: site.config.unsafeHTML)
        neighbours = IncidentNeighbours(site: site)
        lists = site.lists
        siteModel = .object(SiteModel(site: site))
        strings = .object(StringsModel(language: site.language))
        nav = .list(site.pages.map { .object(LabelledLink(label: $0.title, url: Addresses.page($0.slug).url, labelName: "title")) })
        sitePrint = Self.sitePrint(site, templates)
        let tagNamePrints = site.tags.map { $0.name.hashValue }
        incidentPrints = site.incidents.indices.map { Self.incidentPrint($0, site, tagNamePrints) }
        linkPrints = site.incidents.indices.map { Self.linkPrint($0, site) }
    }

    /// The context of `site`, an update of `previous`'s site in which only the incidents
    /// at `changed` differ, and not in anything a list shows (`Pipeline.listsTheSame`):
    /// what depends on the order, the tags and the facets is taken over.
    init(site: Site, templates: TemplateSet, files: SiteFiles, bodies: BodyStore, caches: RenderCaches,
         reusing previous: BuildContext, changed: [Int]) {
        self.site = site
        self.templates = templates
        self.files = files
        self.bodies = bodies
        self.caches = caches
        markdown = previous.markdown
        neighbours = IncidentNeighbours(site: site)
        lists = previous.lists
        siteModel = .object(SiteModel(site: site))
        strings = previous.strings
        nav = previous.nav
        sitePrint = previous.sitePrint
        let tagNamePrints = site.tags.map { $0.name.hashValue }
        var incidentPrints = previous.incidentPrints
        var linkPrints = previous.linkPrints
        for position in changed {
            incidentPrints[position] = Self.incidentPrint(position, site, tagNamePrints)
            linkPrints[position] = Self.linkPrint(position, site)
        }
        self.incidentPrints = incidentPrints
        self.linkPrints = linkPrints
    }

    private static func sitePrint(_ site: Site, _ templates: TemplateSet) -> Int {
        var hasher = Hasher()
        hasher.combine(site.config.title)
        hasher.combine(site.config.description)
        hasher.combine(site.config.baseURL)
        hasher.combine(site.config.language)
        hasher.combine(site.config.perPage)
        hasher.combine(site.config.unsafeHTML)
        hasher.combine(site.config.search)
        hasher.combine(site.config.facets.map(\.key))
        hasher.combine(templates.fingerprint)
        hasher.combine(site.config.languages)
        for key in site.language.strings.entries.keys.sorted() {
            hasher.combine(key)
            hasher.combine(site.language.strings.entries[key])
        }
        for entity in site.entities {
            guard let profile = entity.profile else { continue }
            hasher.combine(profile.slug); hasher.combine(profile.title); hasher.combine(profile.alsoKnownAs)
            hasher.combine(profile.website); hasher.combine(profile.body)
        }
        for field in site.vocabularies.keys.sorted() {
            for entry in site.vocabularies[field]!.entries {
                hasher.combine(entry.value); hasher.combine(entry.description)
                hasher.combine(entry.labels[site.language.code]); hasher.combine(entry.descriptions[site.language.code])
            }
        }
        for page in site.pages {
            hasher.combine(page.slug)
            hasher.combine(page.title)
            hasher.combine(page.summary)
            hasher.combine(page.body)
        }
        return hasher.finalize()
    }

    private static func incidentPrint(_ position: Int, _ site: Site, _ tagNamePrints: [Int]) -> Int {
        var hasher = Hasher()
        hasher.combine(site.incidents[position].sourcePrint)
        hasher.combine(site.incidents[position].modified)
        hasher.combine(site.incidents[position].translation)
        // Cards are cached across languages: the same text is another card in another.
        hasher.combine(site.language.position)
        for number in site.tagsOfIncident[position] { hasher.combine(tagNamePrints[number]) }
        return hasher.finalize()
    }

    private static func linkPrint(_ position: Int, _ site: Site) -> Int {
        let incident = site.incidents[position]
        var hasher = Hasher()
        hasher.combine(incident.title)
        hasher.combine(incident.slug)
        hasher.combine(incident.sortDate.description)
        hasher.combine(incident.dateReported.description)
        hasher.combine(incident.severity)
        hasher.combine(site.tagsOfIncident[position])
        return hasher.finalize()
    }

    /// A fingerprint that starts from `sitePrint`, with what `body` adds.
    func fingerprint(_ body: (inout Hasher) -> Void) -> Int {
        var hasher = Hasher()
        hasher.combine(sitePrint)
        body(&hasher)
        return hasher.finalize()
    }

    /// A whole page: `content` inside the values every page has, rendered through
    /// `template`, for the file at `outputPath`.
    func page(_ template: String, content: any TemplateObject, outputPath: String, description: String?) -> [UInt8] {
        let model = PageModel(site: siteModel, root: root(of: outputPath), siteRoot: Self.siteRoot(forOutputPath: outputPath), nav: nav,
                              description: description ?? site.config.description, strings: strings,
                              translations: translationLinks(of: outputPath), content: content)
        return templates.renderBytes(template, .object(model))
    }

    /// The way from a file at `outputPath` back to the root of its language (the site
    /// root for the default language, `fr/` for French): `./`, `../../`.
    func root(of outputPath: String) -> String {
        Self.siteRoot(forOutputPath: PageTranslations.inside(outputPath, site.language))
    }

    /// The way from a file at `outputPath` back to the site root, where the files every
    /// language shares are (`assets/`, `pagefind/`, `schema/`, static files).
    static func siteRoot(forOutputPath outputPath: String) -> String {
        let depth = outputPath.split(separator: "/").count - 1
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// The page at `outputPath` in each language that has it, when more than one does:
    /// `translations` of the page model (the switcher and the `hreflang` links).
    func translationLinks(of outputPath: String) -> [TranslationLink] {
        guard let translations else { return [] }
        let inside = PageTranslations.inside(outputPath, site.language)
        guard let positions = translations.byPath[inside] else { return [] }
        let siteRoot = Self.siteRoot(forOutputPath: outputPath)
        // Absolute from `base_url` as site.yml gives it: the default language's site's.
        let base = languageSites.first?.config.baseURL ?? siteRoot
        return positions.map { position in
            let language = translations.languages[position]
            let address = language.prefix + siteAddress(ofOutputPath: inside)
            return TranslationLink(language: language, url: siteRoot + address, absoluteURL: base + address,
                                   isCurrent: position == site.language.position)
        }
    }

    /// The folder of incident `position`'s value of `field`, when `field` is a facet.
    func facetValueFolder(of field: IncidentField, at position: Int) -> Addresses.Folder? {
        guard let facet = site.facets.first(where: { $0.field == field }), let value = facet.valueOfIncident[position] else { return nil }
        return Addresses.facetValue(field, facet.values[value].slug)
    }

    /// An incident page's address in the data files and feeds: absolute with `base_url`.
    func address(ofIncident position: Int) -> String {
        address(of: site.incidents[position])
    }

    func address(of incident: Incident) -> String {
        (site.config.baseURL ?? "") + Addresses.incident(incident.slug).url
    }

    /// The Markdown and HTML of incident `position`'s body.
    func body(of position: Int) throws -> (markdown: String, html: String) {
        try body(of: site.incidents[position])
    }

    func body(of incident: Incident) throws -> (markdown: String, html: String) {
        switch incident.body {
        case .inline(let markdown):
            return (markdown, markdown.isEmpty ? "" : self.markdown.render(markdown))
        case .stored(let entry):
            return (try bodies.markdown(entry), try bodies.html(entry))
        }
    }

    /// Incident `position`'s card for a list on a page at `root`, rendered through
    /// `incident-card` once per incident and kept with a placeholder for the root.
    func card(_ position: Int, root: String) -> CardModel {
        var card = CardModel(site: site, position: position)
        let html = caches.cards.value(key: incidentPrints[position]) {
            var values = CardModel(site: site, position: position)
            values.html = nil
            let model = CardPageModel(card: values, root: Self.rootPlaceholder, strings: strings)
            return templates.render("incident-card", .object(model))
        }
        card.html = ByteReplacement.replacingAll(Self.rootPlaceholder, with: root, in: html)
        return card
    }

    /// Cannot occur in content: files with NUL bytes are refused when read.
    static let rootPlaceholder = "\u{0}root\u{0}"
}

/// What `incident-card` sees: the card, `root` and `t`, nothing of the page.
struct CardPageModel: TemplateObject {
    let card: CardModel
    let root: String
    let strings: TemplateValue

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "root": return .text(root)
        case "t": return strings
        default: return card.value(named: name)
        }
    }
}
