extension BuiltinTheme {
    /// A facet's values (every severity, every category…) with their number of incidents.
    static let facet = #"""
{{<layout}}
{{$title}}{{facet.label}} · {{site.title}}{{/title}}
{{$main}}
<h1>Incidents by {{facet.label}}</h1>
<p class="count">{{count_text}}</p>
<ul class="tag-index">
{{#values}}
<li><a href="{{root}}{{url}}">{{name}}</a> <span class="tag-count">{{count}}<span class="visually-hidden"> {{count_noun}}</span></span></li>
{{/values}}
</ul>
{{> browse}}
{{/main}}
{{/layout}}

"""#

    /// The incidents with one value of a facet, newest first, paginated like the index.
    static let facetValue = #"""
{{<layout}}
{{$title}}{{facet.label}}: {{value.name}}{{#pagination.is_paged}} · page {{pagination.current}} of {{pagination.total}}{{/pagination.is_paged}} · {{site.title}}{{/title}}
{{$head}}
{{#site.has_feeds}}
<link rel="alternate" type="application/atom+xml" title="{{site.title}}: {{facet.label}} {{value.name}}" href="{{root}}{{value.url}}feed.xml">
{{/site.has_feeds}}
{{/head}}
{{$main}}
<p class="back"><a href="{{root}}{{facet.url}}">← All values of {{facet.label}}</a></p>
<h1>{{facet.label}}: {{value.name}}</h1>
<p class="count">{{count_text}}{{#pagination.is_paged}} · page {{pagination.current}} of {{pagination.total}}{{/pagination.is_paged}}{{#site.has_feeds}} · <a href="{{root}}{{value.url}}feed.xml" type="application/atom+xml">Atom feed</a>{{/site.has_feeds}}</p>
{{> incident-list}}
{{/main}}
{{/layout}}

"""#

    /// Links to every facet's overview, and to the tags.
    static let browse = #"""
{{#site.has_browse}}
<nav class="browse" aria-label="Browse incidents">
<p>Browse by: <a href="{{root}}tags/">Tags</a>{{#site.browse}} · <a href="{{root}}{{url}}">{{label}}</a>{{/site.browse}}</p>
</nav>
{{/site.has_browse}}

"""#
}
