/// Splits a list of incidents into pages of `per_page` and describes the links
/// between them. Page 1 lives at the list's own folder, page n at `<list>page/<n>/`.
struct Pagination: Sendable {
    /// The list's folder: the site root for the index, `tags/<slug>/` for a tag.
    let folder: Addresses.Folder
    let itemCount: Int
    let perPage: Int

    /// At least one page, even for an empty list, so the list page always exists.
    var pageCount: Int {
        guard perPage > 0, itemCount > 0 else { return 1 }
        return (itemCount + perPage - 1) / perPage
    }

    /// Positions of the items on `page` (1-based).
    func itemRange(page: Int) -> Range<Int> {
        guard perPage > 0 else { return 0..<itemCount }
        let start = (page - 1) * perPage
        return start..<min(itemCount, start + perPage)
    }

    /// The template values of `page` (see `PaginationModel`).
    func model(page: Int, language: SiteLanguage) -> PaginationModel {
        PaginationModel(pagination: self, page: page, language: language)
    }
}

/// `pagination`: `{current, total, is_paged, previous_url, next_url, pages}`. Lists the
/// first and last pages and two either side of the current one, with gaps between, so
/// a list of 2,000 pages does not put 2,000 links on each.
struct PaginationModel: TemplateObject {
    let pagination: Pagination
    let page: Int
    let language: SiteLanguage

    func value(named name: String) -> TemplateValue? {
        let count = pagination.pageCount
        switch name {
        case "current": return .number(page)
        case "total": return .number(count)
        case "is_paged": return .bool(count > 1)
        // "page 2 of 5", in the page's language.
        case "position_text": return .text(language.text("page_of", ("current", language.number(page)), ("total", language.number(count))))
        case "previous_url": return page > 1 ? .text(pagination.folder.page(page - 1).url) : .null
        case "next_url": return page < count ? .text(pagination.folder.page(page + 1).url) : .null
        case "pages":
            var items: [TemplateValue] = []
            var previous = 0
            for number in 1...count where number == 1 || number == count || abs(number - page) <= 2 {
                if number > previous + 1 { items.append(.object(PageLinkModel(number: nil, url: nil, current: false))) }
                items.append(.object(PageLinkModel(number: number, url: pagination.folder.page(number).url, current: number == page)))
                previous = number
            }
            return .list(items)
        default: return nil
        }
    }
}

/// One entry of `pagination.pages`: a page's number and link, or a gap.
struct PageLinkModel: TemplateObject {
    let number: Int?
    let url: String?
    let current: Bool

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "number": return number.map(TemplateValue.number) ?? .null
        case "url": return .optional(url)
        case "current": return .bool(current)
        case "gap": return .bool(number == nil)
        default: return nil
        }
    }
}
