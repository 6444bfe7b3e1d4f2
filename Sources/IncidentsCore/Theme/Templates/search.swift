extension BuiltinTheme {
    /// `search/`, with `search: true`: Pagefind's search box over every incident page.
    static let search = #"""
{{<layout}}
{{$title}}Search · {{site.title}}{{/title}}
{{! Pagefind compiles WebAssembly and its interface draws its icon from a data: image. }}
{{$csp_scripts}} 'wasm-unsafe-eval'{{/csp_scripts}}
{{$csp_images}} data:{{/csp_images}}
{{$head}}
<link rel="stylesheet" href="{{root}}pagefind/pagefind-ui.css">
<script src="{{root}}pagefind/pagefind-ui.js" defer></script>
<script src="{{root}}assets/search.js" defer></script>
{{/head}}
{{$main}}
<h1>Search</h1>
<p class="count">Full-text search over {{count_text}}, in your browser. Filter by severity, tag and the other facets.</p>
<div id="search" data-root="{{root}}"></div>
<noscript><p>Search needs JavaScript. The <a href="{{root}}">index</a>, <a href="{{root}}tags/">tags</a> and facet pages list every incident without it.</p></noscript>
{{/main}}
{{/layout}}

"""#

    /// Starts Pagefind's interface: a file, since the Content-Security-Policy allows no inline script.
    static let searchScript = #"""
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || !window.PagefindUI) { return; }
  new window.PagefindUI({ element: "#search", showSubResults: false, showImages: false,
                          bundlePath: box.getAttribute("data-root") + "pagefind/" });
  // Pagefind's box has only a placeholder; screen readers need a name.
  var input = box.querySelector("input");
  if (input) { input.setAttribute("aria-label", "Search incidents"); }
});

"""#
}
