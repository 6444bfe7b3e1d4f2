/// The default theme: the files in `Sources/IncidentsCore/Theme/Files/`, compiled into
/// the binary, so a site without `templates/` builds and a release binary copied alone
/// still works. `incidents theme export DIR` writes them out for editing; a file of the
/// same name in a site's `templates/` folder replaces one.
public enum BuiltinTheme {
    /// Every file of the theme, by file name (`layout.mustache`, `style.css`).
    public static let files: [String: String] = [
        // SwiftPM names the accessor of a file that starts with a digit with "_" in its place.
        "404.mustache": PackageResources._04_mustache,
        "browse.mustache": PackageResources.browse_mustache,
        "data-links.mustache": PackageResources.data_links_mustache,
        "entities.mustache": PackageResources.entities_mustache,
        "entity.mustache": PackageResources.entity_mustache,
        "facet-value.mustache": PackageResources.facet_value_mustache,
        "facet.mustache": PackageResources.facet_mustache,
        "favicon.svg": PackageResources.favicon_svg,
        "filter.js": PackageResources.filter_js,
        "footer.mustache": PackageResources.footer_mustache,
        "incident-card.mustache": PackageResources.incident_card_mustache,
        "incident-list.mustache": PackageResources.incident_list_mustache,
        "incident.mustache": PackageResources.incident_mustache,
        "index.mustache": PackageResources.index_mustache,
        "layout.mustache": PackageResources.layout_mustache,
        "page.mustache": PackageResources.page_mustache,
        "pagination.mustache": PackageResources.pagination_mustache,
        "redirect.mustache": PackageResources.redirect_mustache,
        "search.js": PackageResources.search_js,
        "search.mustache": PackageResources.search_mustache,
        "severity.mustache": PackageResources.severity_mustache,
        "stats.mustache": PackageResources.stats_mustache,
        "style.css": PackageResources.style_css,
        "tag.mustache": PackageResources.tag_mustache,
        "tags.mustache": PackageResources.tags_mustache,
        "tombstone.mustache": PackageResources.tombstone_mustache,
    ].mapValues { String(decoding: $0, as: UTF8.self) }

    /// Mustache templates by name (the file name without `.mustache`).
    public static let templates: [String: String] = Dictionary(uniqueKeysWithValues: files.compactMap { name, text in
        name.hasSuffix(".mustache") ? (String(name.dropLast(".mustache".count)), text) : nil
    })

    /// Files the theme writes as they are, by output path.
    public static let assets: [String: String] = [
        "assets/style.css": files["style.css"]!,
        "assets/favicon.svg": files["favicon.svg"]!,
        "assets/filter.js": files["filter.js"]!,
    ]

    /// The built-in strings (`Theme/Strings/<lang>.yml`), by language code.
    public static let strings: [String: String] = [
        "de": PackageResources.de_yml,
        "en": PackageResources.en_yml,
        "es": PackageResources.es_yml,
        "fr": PackageResources.fr_yml,
        "ja": PackageResources.ja_yml,
    ].mapValues { String(decoding: $0, as: UTF8.self) }

    /// The search page's script, written only when search is on.
    public static let searchScript = files["search.js"]!
}
