extension BuiltinTheme {
    /// One incident in a list (index and tag pages).
    static let incidentCard = #"""
<li class="card">
<h2 class="card-title"><a href="{{root}}{{url}}">{{title}}</a></h2>
<p class="card-meta">{{> severity}} <time datetime="{{date_iso}}">{{date_text}}</time></p>
{{#summary}}
<p class="card-summary">{{.}}</p>
{{/summary}}
{{#has_tags}}
<ul class="tags" aria-label="Tags">
{{#tags}}
<li><a href="{{root}}{{url}}" rel="tag">{{name}}</a></li>
{{/tags}}
</ul>
{{/has_tags}}
</li>

"""#

    /// A page of a list of incidents and its page links: the index, a tag, a facet value.
    static let incidentList = #"""
<ol id="incident-list" class="incident-list">
{{#incidents}}
{{{html}}}
{{/incidents}}
</ol>
{{> pagination}}

"""#

    /// The severity badge: the word is always shown, colour only reinforces it.
    static let severityBadge = #"""
<span class="badge severity-{{severity.slug}}"><span class="visually-hidden">Severity: </span>{{severity.label}}</span>
"""#

    /// Links between the pages of a list; shows the first, last and nearby pages.
    static let pagination = #"""
{{#pagination.is_paged}}
<nav class="pagination" aria-label="Pages">
<ul>
{{#pagination.previous_url}}
<li><a href="{{root}}{{.}}" rel="prev">← Newer</a></li>
{{/pagination.previous_url}}
{{#pagination.pages}}
{{#gap}}
<li class="gap" aria-hidden="true">…</li>
{{/gap}}
{{^gap}}
{{#current}}
<li><span aria-current="page">{{number}}</span></li>
{{/current}}
{{^current}}
<li><a href="{{root}}{{url}}">{{number}}</a></li>
{{/current}}
{{/gap}}
{{/pagination.pages}}
{{#pagination.next_url}}
<li><a href="{{root}}{{.}}" rel="next">Older →</a></li>
{{/pagination.next_url}}
</ul>
</nav>
{{/pagination.is_paged}}

"""#

    /// Links to the data downloads and feeds, for the footer.
    static let dataLinks = #"""
<p class="data-links">Data: <a href="{{root}}incidents.json" type="application/json">all incidents as JSON</a> · <a href="{{root}}incidents.csv" type="text/csv">as CSV</a> · <a href="{{root}}schema/incident.schema.json" type="application/schema+json">front-matter schema</a>{{#site.has_feeds}} · Follow: <a href="{{root}}feed.xml" type="application/atom+xml">Atom feed</a> · <a href="{{root}}feed.json" type="application/feed+json">JSON Feed</a>{{/site.has_feeds}}</p>

"""#

    /// The site footer; override `footer.mustache` to change it.
    static let footer = #"""
<p>{{site.title}}{{#site.description}} · {{.}}{{/site.description}}</p>
{{> data-links}}
<p class="generator">Built with incidents.</p>

"""#
}
