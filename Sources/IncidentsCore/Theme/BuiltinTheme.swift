/// The default theme, compiled into the binary so a site without `templates/` builds
/// and a release binary copied alone still works (no `Bundle.module` lookup at run time).
///
/// Each template lives once, in `Templates/<name>.swift`. A file of the same name in a
/// site's `templates/` folder replaces it; `incidents` never keeps a second copy.
public enum BuiltinTheme {
    /// Mustache templates by name (the file name without `.mustache`).
    public static let templates: [String: String] = [
        "layout": layout,
        "index": index,
        "incident": incident,
        "tags": tags,
        "tag": tag,
        "page": page,
        "incident-card": incidentCard,
        "severity": severityBadge,
        "pagination": pagination,
        "footer": footer,
        "404": notFound,
        "data-links": dataLinks,
        "facet": facet,
        "facet-value": facetValue,
        "browse": browse,
        "incident-list": incidentList,
        "stats": stats,
        "search": search,
    ]

    /// Files the theme writes as they are, by output path.
    public static let assets: [String: String] = [
        "assets/style.css": stylesheet,
        "assets/favicon.svg": favicon,
        "assets/filter.js": filterScript,
    ]
}
