/// What every page's template sees at its top level: `site`, `root`, `nav` and the
/// meta `description`, then what the page itself shows (`content`). The names are the
/// public template API of docs/templates.md.
struct PageModel: TemplateObject {
    let site: TemplateValue
    let root: String
    let nav: TemplateValue
    let description: String?
    let content: any TemplateObject

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": return site
        case "root": return .text(root)
        case "nav": return nav
        case "description": return .optional(description)
        default: return content.value(named: name)
        }
    }
}

/// `site`: the settings every page shows.
struct SiteModel: TemplateObject {
    let title: String
    let description: String?
    let language: String
    let baseURL: String?
    let search: Bool
    let browse: TemplateValue

    init(site: Site) {
        title = site.config.title
        description = site.config.description
        language = site.config.language
        baseURL = site.config.baseURL
        search = site.config.search
        // Entities first when there are any, then the facets.
        let entities = site.entities.isEmpty ? [] : [TemplateValue.object(LabelledLink(label: "Entities", url: Addresses.entities.url))]
        browse = .list(entities + site.facets.map { .object(LabelledLink(label: $0.field.label, url: Addresses.facet($0.field).url)) })
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": return .text(title)
        case "description": return .optional(description)
        case "language": return .text(language)
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
