extension BuiltinTheme {
    /// The incidents index, newest first, one page of `per_page` incidents.
    static let index = #"""
{{<layout}}
{{$title}}{{site.title}}{{#pagination.is_paged}} · page {{pagination.current}} of {{pagination.total}}{{/pagination.is_paged}}{{/title}}
{{$main}}
<h1>{{site.title}}</h1>
{{#site.description}}
<p class="lede">{{.}}</p>
{{/site.description}}
<p class="count">{{count_text}}{{#pagination.is_paged}} · page {{pagination.current}} of {{pagination.total}}{{/pagination.is_paged}}</p>
{{> browse}}
<ol class="incident-list">
{{#incidents}}
{{{html}}}
{{/incidents}}
</ol>
{{> pagination}}
{{/main}}
{{/layout}}

"""#
}
