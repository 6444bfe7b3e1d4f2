extension BuiltinTheme {
    /// The page shell every other template inherits: `{{<layout}}` with the blocks
    /// `title`, `head` and `main`, and `csp_images` / `csp_scripts` for a page that
    /// needs more than the strict policy (the search page).
    static let layout = #"""
<!DOCTYPE html>
<html lang="{{site.language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' https:{{$csp_images}}{{/csp_images}}; style-src 'self'; script-src 'self'{{$csp_scripts}}{{/csp_scripts}}; object-src 'none'; base-uri 'none'; form-action 'none'">
<title>{{$title}}{{site.title}}{{/title}}</title>
{{#description}}
<meta name="description" content="{{description}}">
{{/description}}
<meta name="generator" content="incidents">
<link rel="stylesheet" href="{{root}}assets/style.css">
<link rel="icon" href="{{root}}assets/favicon.svg" type="image/svg+xml">
{{#site.has_feeds}}
<link rel="alternate" type="application/atom+xml" title="{{site.title}}" href="{{root}}feed.xml">
<link rel="alternate" type="application/feed+json" title="{{site.title}}" href="{{root}}feed.json">
{{/site.has_feeds}}
{{$head}}{{/head}}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<a class="site-title" href="{{root}}">{{site.title}}</a>
<nav aria-label="Site">
<ul>
<li><a href="{{root}}">Incidents</a></li>
<li><a href="{{root}}tags/">Tags</a></li>
<li><a href="{{root}}stats/">Statistics</a></li>
{{#site.search}}
<li><a href="{{root}}search/">Search</a></li>
{{/site.search}}
{{#nav}}
<li><a href="{{root}}{{url}}">{{title}}</a></li>
{{/nav}}
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap">
{{$main}}{{/main}}
</main>
<footer class="site-footer">
<div class="wrap">
{{> footer}}
</div>
</footer>
</body>
</html>

"""#
}
