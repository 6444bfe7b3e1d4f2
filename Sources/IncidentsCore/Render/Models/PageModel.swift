/// What every page's template sees at its top level: `site`, `root`, `nav` and the
/// meta `description`, then what the page itself shows (`content`). The names are the
/// public template API of docs/templates.md.
struct PageModel: TemplateObject {
    let site: TemplateValue
    /// The root of the page's language (`fr/` for French pages), where its links lead.
    let root: String
    /// The site root, where the files every language shares are.
    let siteRoot: String
    let nav: TemplateValue
    let description: String?
    /// `t`: the built-in strings of the page's language.
    let strings: TemplateValue
    /// The page in each language that has it, when more than one does.
    let translations: [TranslationLink]
    let content: any TemplateObject

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": return site
        case "root": return .text(root)
        case "site_root": return .text(siteRoot)
        case "nav": return nav
        case "description": return .optional(description)
        case "t": return strings
        case "translations": return .list(translations.map(TemplateValue.object))
        case "has_translations": return .bool(!translations.isEmpty)
        // The default language's page, for hreflang="x-default".
        case "x_default_url": return translations.first.map { .text($0.absoluteURL) } ?? .null
        default: return content.value(named: name)
        }
    }
}

/// One entry of `translations`: `{code, name, url, absolute_url, current, dir}`.
struct TranslationLink: TemplateObject {
    let language: SiteLanguage
    /// From the page, relative.
    let url: String
    /// With `base_url`, absolute (as `hreflang` links should be); else as `url`.
    let absoluteURL: String
    let isCurrent: Bool

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "code": return .text(language.code)
        case "name": return .text(language.name)
        case "url": return .text(url)
        case "absolute_url": return .text(absoluteURL)
        case "current": return .bool(isCurrent)
        case "dir": return .text(language.direction)
        default: return nil
        }
    }
}

/// `t`: the built-in strings of the page's language by key (`{{t.back_to_incidents}}`),
/// with the site's `i18n/<lang>.yml` over the theme's, over English.
struct StringsModel: TemplateObject {
    /// Every string of the language, looked up once here rather than on every page.
    let values: [String: TemplateValue]

    init(language: SiteLanguage) {
        var values: [String: TemplateValue] = [:]
        for key in language.strings.keys { values[key] = .text(language.text(key)) }
        self.values = values
    }

    func value(named name: String) -> TemplateValue? { values[name] }
}

/// `site`: the settings every page shows.
struct SiteModel: TemplateObject {
    let title: String
    let description: String?
    let language: String
    let direction: String
    let isDefaultLanguage: Bool
    let baseURL: String?
    let search: Bool
    let browse: TemplateValue

    init(site: Site) {
        title = site.config.title
        description = site.config.description
        language = site.config.language
        direction = site.language.direction
        isDefaultLanguage = site.language.isDefault
        baseURL = site.config.baseURL
        search = site.config.search
        // Entities first when there are any, then the facets.
        let entities = site.entities.isEmpty ? [] : [TemplateValue.object(LabelledLink(label: site.language.text("entities"), url: Addresses.entities.url))]
        browse = .list(entities + site.facets.map { .object(LabelledLink(label: site.language.label($0.field), url: Addresses.facet($0.field).url)) })
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": return .text(title)
        case "description": return .optional(description)
        case "language": return .text(language)
        case "direction": return .text(direction)
        case "is_rtl": return .bool(direction == "rtl")
        case "is_default_language": return .bool(isDefaultLanguage)
        case "base_url": return .optional(baseURL)
        case "has_feeds": return .bool(baseURL != nil)
        case "search": return .bool(search)
        case "browse": return browse
        case "has_browse": return .bool(browse.isTruthy)
        default: return nil
        }
    }
}

/// `{label, url}`: a facet in `site.browse`, a standalone page in `nav` (as `title`).
struct LabelledLink: TemplateObject {
    let label: String
    let url: String
    var labelName = "label"

    func value(named name: String) -> TemplateValue? {
        switch name {
        case labelName: return .text(label)
        case "url": return .text(url)
        default: return nil
        }
    }
}
