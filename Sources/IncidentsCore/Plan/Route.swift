/// One file of the output, planned before anything is rendered: where it goes, which
/// producer makes it, and a fingerprint of everything it shows.
///
/// Every file of a site is a route in the `RouteTable`, so every rule about the output
/// (clashes, reserved names, what an edit rewrites) is decided on the table, the same
/// in `build`, `serve` and `check`.
public struct Route: Sendable {
    /// The path in the output folder: `incidents/x/index.html`.
    public var path: String
    /// The producer that makes it, by its place in `RouteTable.producers`.
    var producer: Int
    /// The language it is in, by its place in `site.yml`'s `languages` (0: the default).
    var language: Int = 0
    /// Which of the producer's files this is, in the producer's own numbering (an
    /// incident's position, a list), and which part of it (a page of the list).
    var item: Int
    var part: Int
    /// Where the editor chose this path (a static file, a standalone page's slug), for
    /// the message when it clashes; nil for a file the generator names itself.
    var origin: Origin?
    /// Changes whenever the file's bytes would: an incremental build rewrites exactly
    /// the routes whose fingerprint changed.
    public var fingerprint: Int

    /// A file the editor named. A class: few routes have one, and an inline value made
    /// every route (33,000 at 10,000 incidents) twice as large.
    final class Origin: Sendable {
        let location: SourceLocation
        /// The file to name in messages: `static/x.png`, `content/pages/about.md`.
        let name: String
        /// What to do about a clash: "expected another file name (or a slug: key)".
        let hint: String

        init(location: SourceLocation, name: String, hint: String) {
            self.location = location
            self.name = name
            self.hint = hint
        }
    }
}

/// The site's address of an output path: `incidents/x/index.html` → `incidents/x/`,
/// percent-encoded, relative to the site root.
func siteAddress(ofOutputPath path: String) -> String {
    let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
    let segments = folder.split(separator: "/", omittingEmptySubsequences: true).map { Slug.urlEncoded(String($0)) }
    return segments.joined(separator: "/") + (folder.hasSuffix("/") && !segments.isEmpty ? "/" : "")
}
