extension BuiltinTheme {
    /// A standalone page from `content/pages/`.
    static let page = #"""
{{<layout}}
{{$title}}{{page.title}} · {{site.title}}{{/title}}
{{$main}}
<article class="page">
<h1>{{page.title}}</h1>
<div class="body">
{{{page.body}}}
</div>
</article>
{{/main}}
{{/layout}}

"""#
}
