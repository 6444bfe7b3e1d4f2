extension BuiltinTheme {
    /// One incident: back link, title, severity, summary, facts, tags, body, sources.
    static let incident = #"""
{{<layout}}
{{$title}}{{incident.title}} · {{site.title}}{{/title}}
{{$main}}
{{#incident}}
<article class="incident">
<p class="back"><a href="{{root}}">← Back to incidents</a></p>
<header class="incident-header">
<h1>{{title}}</h1>
<p class="incident-meta">{{> severity}}</p>
{{#summary}}
<p class="summary">{{.}}</p>
{{/summary}}
</header>
{{#has_fields}}
<dl class="facts">
{{#fields}}
<div><dt>{{label}}</dt><dd>{{#datetime}}<time datetime="{{datetime}}">{{value}}</time>{{/datetime}}{{^datetime}}{{value}}{{/datetime}}</dd></div>
{{/fields}}
</dl>
{{/has_fields}}
{{#has_tags}}
<ul class="tags" aria-label="Tags">
{{#tags}}
<li><a href="{{root}}{{url}}" rel="tag">{{name}}</a></li>
{{/tags}}
</ul>
{{/has_tags}}
<div class="body">
{{{body}}}
</div>
{{#has_sources}}
<section class="sources" aria-labelledby="sources-heading">
<h2 id="sources-heading">Sources</h2>
<ol>
{{#sources}}
<li><cite>{{#href}}<a href="{{href}}">{{title}}</a>{{/href}}{{^href}}{{title}}{{/href}}</cite>{{#meta}}<br><span class="source-meta">{{meta}}</span>{{/meta}}</li>
{{/sources}}
</ol>
</section>
{{/has_sources}}
</article>
{{/incident}}
{{/main}}
{{/layout}}

"""#
}
