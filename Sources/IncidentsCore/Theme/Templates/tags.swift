extension BuiltinTheme {
    /// Every tag with its number of incidents.
    static let tags = #"""
{{<layout}}
{{$title}}Tags · {{site.title}}{{/title}}
{{$main}}
<h1>Tags</h1>
<p class="count">{{count_text}}</p>
<ul class="tag-index">
{{#tags}}
<li><a href="{{root}}{{url}}">{{name}}</a> <span class="tag-count">{{count}}<span class="visually-hidden"> {{count_noun}}</span></span></li>
{{/tags}}
</ul>
{{> browse}}
{{/main}}
{{/layout}}

"""#
}
