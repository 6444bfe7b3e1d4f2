import Foundation

/// The machine-readable views of a site: Atom and JSON Feed, sitemap, robots.txt.
/// They need absolute URLs, so they exist only when `base_url` is set.
struct SiteFeeds {
    /// Newest entries per feed: enough for a feed reader, small enough that a
    /// site with hundreds of tags does not render every body once per tag.
    static let entryLimit = 20

    let site: Site
    /// `base_url`, ending with `/`.
    let baseURL: String

    func absolute(_ relativeURL: String) -> String { baseURL + relativeURL }

    /// The positions of the incidents a feed of `positions` shows, newest report first.
    static func entries(_ positions: [Int], site: Site) -> [Int] {
        let sorted = positions.sorted { left, right in
            let a = site.incidents[left].dateReported, b = site.incidents[right].dateReported
            return a != b ? b < a : left < right
        }
        return Array(sorted.prefix(entryLimit))
    }

    /// RFC 3339 for a date of any precision: the first day of its month or year, at midnight UTC.
    static func timestamp(_ date: PartialDate) -> String {
        String(format: "%04d-%02d-%02dT00:00:00Z", date.year, date.month ?? 1, date.day ?? 1)
    }

    /// An Atom feed (RFC 4287). `listURL` is the list page it mirrors, `feedURL` the
    /// feed itself, both site-relative; `bodyHTML` renders an incident's body.
    func atom(title: String, listURL: String, feedURL: String, entries: [Int], bodyHTML: (Int) throws -> String) rethrows -> String {
        // The feed changed when its latest entry did.
        let updated = entries.map { Self.updated(site.incidents[$0]) }.max { $0.instant < $1.instant }?.text ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(site.config.language.xmlEscaped)">
        <title>\(title.xmlEscaped)</title>

        """
        if let description = site.config.description { xml += "<subtitle>\(description.xmlEscaped)</subtitle>\n" }
        xml += """
        <id>\(absolute(listURL).xmlEscaped)</id>
        <link rel="alternate" type="text/html" href="\(absolute(listURL).xmlEscaped)"/>
        <link rel="self" type="application/atom+xml" href="\(absolute(feedURL).xmlEscaped)"/>
        <updated>\(updated)</updated>
        <author><name>\(site.config.title.xmlEscaped)</name></author>
        <generator>incidents</generator>

        """
        for position in entries {
            let incident = site.incidents[position]
            let url = absolute(Addresses.incident(incident.slug).url).xmlEscaped
            let date = Self.timestamp(incident.dateReported)
            xml += """
            <entry>
            <title>\(incident.numberedTitle.xmlEscaped)</title>
            <id>\(url)</id>
            <link rel="alternate" type="text/html" href="\(url)"/>
            <published>\(date)</published>
            <updated>\(Self.updated(incident).text)</updated>
            <category term="severity:\(incident.severity.rawValue)" label="\(site.language.text("severity_prefix").xmlEscaped)\(site.language.label(incident.severity).xmlEscaped)"/>

            """
            for tag in site.tagsOfIncident[position].map({ site.tags[$0] }) {
                xml += "<category term=\"\(tag.slug.xmlEscaped)\" label=\"\(tag.name.xmlEscaped)\"/>\n"
            }
            if let summary = incident.summary { xml += "<summary>\(summary.xmlEscaped)</summary>\n" }
            // xml:base resolves the body's relative links against the incident's page.
            xml += "<content type=\"html\" xml:base=\"\(url)\">\(try bodyHTML(position).xmlEscaped)</content>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// The site's JSON Feed 1.1, with each incident's severity in an `_incidents` extension.
    func jsonFeed(entries: [Int], bodyHTML: (Int) throws -> String) rethrows -> String {
        var members: [(String, JSONValue)] = [
            ("version", .string("https://jsonfeed.org/version/1.1")),
            ("title", .string(site.config.title)),
            ("home_page_url", .string(baseURL)),
            ("feed_url", .string(absolute("feed.json"))),
        ]
        if let description = site.config.description { members.append(("description", .string(description))) }
        members.append(("language", .string(site.config.language)))
        members.append(("items", .array(try entries.map { position in
            let incident = site.incidents[position]
            let url = absolute(Addresses.incident(incident.slug).url)
            var item: [(String, JSONValue)] = [
                ("id", .string(url)),
                ("url", .string(url)),
                ("title", .string(incident.numberedTitle)),
            ]
            if let summary = incident.summary { item.append(("summary", .string(summary))) }
            item.append(("content_html", .string(try bodyHTML(position))))
            item.append(("date_published", .string(Self.timestamp(incident.dateReported))))
            if let modified = incident.modified { item.append(("date_modified", .string(modified))) }
            item.append(("tags", .array(site.tagNames(of: position).map(JSONValue.string))))
            item.append(("_incidents", .object([("severity", .string(incident.severity.rawValue))]
                + (incident.id.map { [("id", JSONValue.int($0))] } ?? []))))
            return .object(item)
        })))
        return JSONValue.object(members).text(indent: 2) + "\n"
    }

    /// When an entry last changed: its last commit (in a git work tree), or else the
    /// day it was reported.
    static func updated(_ incident: Incident) -> (text: String, instant: Double) {
        if let modified = incident.modified, let time = DateTime(parsing: modified) { return (modified, time.instant) }
        let text = timestamp(incident.dateReported)
        return (text, DateTime(parsing: text)?.instant ?? 0)
    }

    /// Every page of the site, for search engines; `lastModified` dates by page path.
    /// `sitemap.xml`. `alternates` gives a page's versions in every language that has
    /// it (hreflang code and site-relative address, the default language's first), for
    /// the `xhtml:link` entries search engines read on a multilingual site.
    func sitemap(pagePaths: [String], lastModified: [String: String] = [:],
                 alternates: (String) -> [(code: String, url: String)]? = { _ in nil }) -> String {
        let links = pagePaths.map(alternates)
        let namespaces = links.contains { $0 != nil } ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"" : ""
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(namespaces)>\n"
        for (path, versions) in zip(pagePaths, links) {
            let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            let url = folder.split(separator: "/").map { Slug.urlEncoded(String($0)) + "/" }.joined()
            let lastmod = lastModified[path].map { "<lastmod>\($0.xmlEscaped)</lastmod>" } ?? ""
            var alternate = ""
            if let versions, let first = versions.first {
                for version in versions + [(code: "x-default", url: first.url)] {
                    alternate += "<xhtml:link rel=\"alternate\" hreflang=\"\(version.code.xmlEscaped)\" href=\"\(absolute(version.url).xmlEscaped)\"/>"
                }
            }
            xml += "<url><loc>\(absolute(url).xmlEscaped)</loc>\(lastmod)\(alternate)</url>\n"
        }
        return xml + "</urlset>\n"
    }

    var robots: String {
        "User-agent: *\nAllow: /\n\nSitemap: \(absolute("sitemap.xml"))\n"
    }
}
