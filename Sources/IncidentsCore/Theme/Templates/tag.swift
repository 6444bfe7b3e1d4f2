extension BuiltinTheme {
    /// The incidents carrying one tag, newest first, paginated like the index.
    static let tag = #"""
{{<layout}}
{{$title}}Tag: {{tag.name}}{{#pagination.is_paged}} · page {{pagination.current}} of {{pagination.total}}{{/pagination.is_paged}} · {{site.title}}{{/title}}
{{$head}}
{{#site.has_feeds}}
<link rel="alternate" type="application/atom+xml" title="{{site.title}}: {{tag.name}}" href="{{root}}{{tag.url}}feed.xml">
{{/site.has_feeds}}
{{/head}}
{{$main}}
<p class="back"><a href="{{root}}tags/">← All tags</a></p>
<h1>Tag: {{tag.name}}</h1>
<p class="count">{{count_text}}{{#pagination.is_paged}} · page {{pagination.current}} of {{pagination.total}}{{/pagination.is_paged}}{{#site.has_feeds}} · <a href="{{root}}{{tag.url}}feed.xml" type="application/atom+xml">Atom feed</a>{{/site.has_feeds}}</p>
{{> incident-list}}
{{/main}}
{{/layout}}

"""#
}
