extension BuiltinTheme {
    /// One incident: back link, title, severity, summary, facts, tags, body, sources.
    static let incident = #"""
{{<layout}}
{{$title}}{{incident.title}} · {{site.title}}{{/title}}
{{$head}}
{{#incident}}
{{#canonical_url}}
<link rel="canonical" href="{{canonical_url}}">
<meta property="og:url" content="{{canonical_url}}">
{{/canonical_url}}
<meta property="og:type" content="article">
<meta property="og:title" content="{{title}}">
{{#summary}}
<meta property="og:description" content="{{summary}}">
{{/summary}}
<meta property="og:site_name" content="{{site.title}}">
<meta property="article:published_time" content="{{date_reported}}">
{{#tag_names}}
<meta property="article:tag" content="{{.}}">
{{/tag_names}}
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{title}}">
{{#summary}}
<meta name="twitter:description" content="{{summary}}">
{{/summary}}
<script type="application/ld+json">{{{json_ld}}}</script>
{{/incident}}
{{/head}}
{{$main}}
{{#incident}}
<article class="incident" data-pagefind-body>
<p class="back" data-pagefind-ignore><a href="{{root}}">← Back to incidents</a></p>
<header class="incident-header">
<h1>{{title}}</h1>
<p class="incident-meta" data-pagefind-filter="severity:{{severity.label}}">{{#severity_url}}<a class="badge-link" href="{{root}}{{severity_url}}">{{> severity}}</a>{{/severity_url}}{{^severity_url}}{{> severity}}{{/severity_url}}</p>
{{#summary}}
<p class="summary">{{.}}</p>
{{/summary}}
</header>
{{#has_fields}}
<dl class="facts">
{{#fields}}
<div><dt>{{label}}</dt><dd>{{#datetime}}<time datetime="{{datetime}}">{{value}}</time>{{/datetime}}{{^datetime}}{{#url}}<a href="{{root}}{{url}}" data-pagefind-filter="{{label}}">{{value}}</a>{{/url}}{{^url}}{{value}}{{/url}}{{/datetime}}</dd></div>
{{/fields}}
</dl>
{{/has_fields}}
{{#has_tags}}
<ul class="tags" aria-label="Tags">
{{#tags}}
<li><a href="{{root}}{{url}}" rel="tag" data-pagefind-filter="tag">{{name}}</a></li>
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
{{#has_related}}
<section class="related" data-pagefind-ignore aria-labelledby="related-heading">
<h2 id="related-heading">Related incidents</h2>
<ul>
{{#related}}
<li><a href="{{root}}{{url}}">{{title}}</a> <span class="related-meta">{{> severity}} <time datetime="{{date_iso}}">{{date_text}}</time></span></li>
{{/related}}
</ul>
</section>
{{/has_related}}
<section class="cite" data-pagefind-ignore aria-labelledby="cite-heading">
<h2 id="cite-heading">Cite this incident</h2>
<p class="cite-text">{{cite_text}}</p>
<details>
<summary>BibTeX</summary>
<pre><code>{{cite_bibtex}}</code></pre>
</details>
</section>
<nav class="neighbours" data-pagefind-ignore aria-label="Newer and older incidents">
<ul>
{{#newer}}
<li class="newer"><a href="{{root}}{{url}}" rel="prev"><span>← Newer</span> {{title}}</a></li>
{{/newer}}
{{#older}}
<li class="older"><a href="{{root}}{{url}}" rel="next"><span>Older →</span> {{title}}</a></li>
{{/older}}
</ul>
</nav>
</article>
{{/incident}}
{{/main}}
{{/layout}}

"""#
}
