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
<form id="filter" class="filter" role="search" aria-label="Filter incidents" data-root="{{root}}" hidden></form>
<p id="filter-count" class="count" role="status" aria-live="polite"></p>
<ol id="filter-results" class="incident-list" hidden></ol>
{{> incident-list}}
<script src="{{root}}assets/filter.js" defer></script>
{{/main}}
{{/layout}}

"""#
}
