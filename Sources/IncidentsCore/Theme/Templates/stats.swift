extension BuiltinTheme {
    /// `stats/`: charts drawn at build time, each with its numbers as a table.
    static let stats = #"""
{{<layout}}
{{$title}}Statistics · {{site.title}}{{/title}}
{{$main}}
<h1>Statistics</h1>
<p class="count">{{count_text}}</p>
{{#charts}}
<section class="chart-section" aria-labelledby="{{id}}-heading">
<h2 id="{{id}}-heading">{{title}}</h2>
<figure>
{{{svg}}}
<figcaption>{{description}}{{#has_legend}}<ul class="legend" aria-label="Colours">{{#legend}}<li>{{> severity}}</li>{{/legend}}</ul>{{/has_legend}}</figcaption>
</figure>
<details>
<summary>The numbers</summary>
<table>
<caption>{{title}}</caption>
<thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
<tbody>
{{#rows}}
<tr><th scope="row">{{label}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
{{/rows}}
</tbody>
</table>
</details>
</section>
{{/charts}}
{{/main}}
{{/layout}}

"""#
}
