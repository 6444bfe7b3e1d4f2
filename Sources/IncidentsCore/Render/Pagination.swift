/// Splits a list of incidents into pages of `per_page` and describes the links
/// between them. Page 1 lives at the list's own URL, page n at `<list>page/<n>/`.
struct Pagination {
    /// The list's folder in the output: "" for the index, "tags/<slug>/" for a tag.
    let outputFolder: String
    /// The same folder as a URL relative to the site root (percent-encoded).
    let listURL: String
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

    /// Where page `page` is written, relative to the output folder.
    func outputPath(page: Int) -> String {
        page == 1 ? outputFolder + "index.html" : outputFolder + "page/\(page)/index.html"
    }

    func url(page: Int) -> String {
        page == 1 ? listURL : listURL + "page/\(page)/"
    }

    /// Template values for `page`; URLs are relative to the site root like all others. Lists the first and
    /// last pages and two either side of the current one, with gaps between, so a
    /// list of 2,000 pages does not put 2,000 links on each.
    func values(page: Int) -> [String: Any] {
        var values: [String: Any] = [
            "current": page,
            "total": pageCount,
            "is_paged": pageCount > 1,
        ]
        if page > 1 { values["previous_url"] = url(page: page - 1) }
        if page < pageCount { values["next_url"] = url(page: page + 1) }
        var items: [[String: Any]] = []
        var previous = 0
        for number in 1...pageCount where number == 1 || number == pageCount || abs(number - page) <= 2 {
            if number > previous + 1 { items.append(["gap": true]) }
            items.append(["number": number, "url": url(page: number), "current": number == page, "gap": false])
            previous = number
        }
        values["pages"] = items
        return values
    }
}
