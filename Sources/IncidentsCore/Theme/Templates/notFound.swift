extension BuiltinTheme {
    /// `404.html`, which static hosts send for any missing address. `root` is the
    /// site's absolute path (from `base_url`, else `/`), since the page is shown at any depth.
    static let notFound = #"""
{{<layout}}
{{$title}}Page not found · {{site.title}}{{/title}}
{{$main}}
<article class="page">
<h1>Page not found</h1>
<p>Nothing is published at this address. The incident may have a new address, or the link may be mistyped.</p>
<p><a href="{{root}}">← Back to incidents</a> · <a href="{{root}}tags/">Browse by tag</a></p>
</article>
{{/main}}
{{/layout}}

"""#

    /// The theme's icon: a warning triangle, legible at 16 pixels, in the theme's accent red.
    static let favicon = #"""
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M16 2 31 29H1Z" fill="#b3261e"/><path d="M14.5 11h3l-.6 9h-1.8ZM14.6 22.5h2.8v2.8h-2.8Z" fill="#fff"/></svg>

"""#
}
