extension BuiltinTheme {
    /// The incidents carrying one tag, newest first, paginated like the index.
    static let tag = #"""
{{<layout}}
{{$title}}Tag: {{tag.name}}{{#pagination.is_paged}} · page {{pagination.current}} of {{pagination.total}}{{/pagination.is_paged}} · {{site.title}}{{/title}}
{{$main}}
<p class="back"><a href="{{root}}tags/">← All tags</a></p>
<h1>Tag: {{tag.name}}</h1>
<p class="count">{{count_text}}{{#pagination.is_paged}} · page {{pagination.current}} of {{pagination.total}}{{/pagination.is_paged}}</p>
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
