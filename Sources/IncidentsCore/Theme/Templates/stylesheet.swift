extension BuiltinTheme {
    /// The theme's only stylesheet: system fonts, phone to wide screen, light and dark,
    /// printable. Written to `assets/style.css`; `templates/style.css` replaces it.
    static let stylesheet = #"""
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1c1e21; --muted: #555b63; --line: #d8dce1; --link: #0b57d0; --card: #f6f7f9;
  --critical: #9b1c1c; --high: #9a3412; --medium: #7a4a06; --low: #1f5f3a;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #14171a; --fg: #e8eaed; --muted: #a9b0b8; --line: #343a40; --link: #8ab4f8; --card: #1c2024;
    --critical: #b42323; --high: #a8400f; --medium: #875309; --low: #23703f; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; border-radius: 2px; }
.wrap { max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--bg); padding: 0.5rem 1rem; z-index: 1; }
.skip-link:focus { left: 0.5rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.site-header { border-bottom: 1px solid var(--line); margin-bottom: 1.5rem; }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.site-title { font-weight: 700; font-size: 1.2rem; color: var(--fg); text-decoration: none; }
.site-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
h1 { font-size: clamp(1.5rem, 4.5vw, 2.1rem); line-height: 1.25; margin: 0.5rem 0 0.75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 0.5rem; }
.lede, .count, .source-meta, .card-meta time, .back { color: var(--muted); }
.count { font-size: 0.95rem; }
.badge { display: inline-block; padding: 0.1rem 0.55rem; border-radius: 0.3rem; font-size: 0.8rem; font-weight: 700;
  letter-spacing: 0.03em; text-transform: uppercase; color: #fff; border: 1px solid transparent; vertical-align: 0.1em; }
.severity-critical { background: var(--critical); }
.severity-high { background: var(--high); }
.severity-medium { background: var(--medium); }
.severity-low { background: var(--low); }
.severity-critical::before { content: "▲ "; }
.severity-high::before { content: "● "; }
.severity-medium::before { content: "◆ "; }
.severity-low::before { content: "▽ "; }
.incident-list { list-style: none; padding: 0; margin: 0; }
.card { border: 1px solid var(--line); background: var(--card); border-radius: 0.5rem; padding: 0.9rem 1rem; margin: 0 0 1rem; }
.card-title { margin: 0 0 0.35rem; font-size: 1.15rem; }
.card-meta { margin: 0 0 0.4rem; display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
.card-summary { margin: 0 0 0.5rem; }
.tags { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; margin: 0.5rem 0; }
.tags a { display: inline-block; padding: 0.05rem 0.6rem; border: 1px solid var(--line); border-radius: 1rem; font-size: 0.85rem; text-decoration: none; }
.tags a:hover { text-decoration: underline; }
.incident-header .summary { font-size: 1.1rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.75rem 1.5rem; margin: 1.25rem 0;
  padding: 1rem; border: 1px solid var(--line); border-radius: 0.5rem; }
.facts div { min-width: 0; }
.facts dt { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.body { overflow-wrap: break-word; }
.body img { max-width: 100%; height: auto; }
.body pre { overflow-x: auto; padding: 0.75rem; background: var(--card); border: 1px solid var(--line); border-radius: 0.4rem; }
.body code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
.body table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
.body th, .body td { border: 1px solid var(--line); padding: 0.35rem 0.6rem; text-align: left; }
.body .align-center { text-align: center; }
.body .align-right { text-align: right; }
.body blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 4px solid var(--line); color: var(--muted); }
.body li.task { list-style: none; }
.body .footnotes { font-size: 0.92rem; border-top: 1px solid var(--line); margin-top: 2rem; }
.sources ol { padding-left: 1.25rem; }
.sources li { margin-bottom: 0.6rem; }
.chart { display: block; width: 100%; max-width: 40rem; height: auto; margin: 0.5rem 0; }
.chart .bar { fill: var(--link); }
.chart .bar.severity-critical { fill: var(--critical); }
.chart .bar.severity-high { fill: var(--high); }
.chart .bar.severity-medium { fill: var(--medium); }
.chart .bar.severity-low { fill: var(--low); }
.chart .grid { stroke: var(--line); }
.chart text { fill: var(--fg); font-size: 12px; }
.filter-fields { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; margin: 1rem 0; padding: 0.75rem; border: 1px solid var(--line); border-radius: 0.5rem; }
.filter-field { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.9rem; }
.filter-search { flex: 1 1 16rem; }
.filter input, .filter select, .filter button { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid var(--line); border-radius: 0.3rem; background: var(--bg); color: var(--fg); max-width: 14rem; }
.filter-search input { max-width: none; }
.legend { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0.5rem 0; }
.chart-section table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
.chart-section th, .chart-section td { padding: 0.2rem 0.6rem; border-bottom: 1px solid var(--line); text-align: right; }
.chart-section th[scope="row"], .chart-section thead th:first-child { text-align: left; }
.related ul { padding-left: 1.25rem; }
.related li { margin-bottom: 0.5rem; }
.related-meta { color: var(--muted); font-size: 0.9rem; white-space: nowrap; }
.cite pre { overflow-x: auto; padding: 0.75rem; background: var(--card); border: 1px solid var(--line); font-size: 0.85rem; }
.cite summary { cursor: pointer; }
.neighbours ul { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; list-style: none; padding: 0; margin: 2rem 0 0; border-top: 1px solid var(--line); padding-top: 1rem; }
.neighbours li { flex: 1 1 16rem; }
.neighbours .older { text-align: right; }
.neighbours span { display: block; color: var(--muted); font-size: 0.85rem; }
.tag-index { list-style: none; padding: 0; columns: 14rem auto; }
.tag-index li { margin: 0 0 0.35rem; break-inside: avoid; }
.tag-count { color: var(--muted); font-size: 0.85rem; margin-left: 0.25rem; }
.pagination ul { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 1.5rem 0; }
.pagination a, .pagination span { display: inline-block; min-width: 2.5rem; padding: 0.4rem 0.6rem; text-align: center;
  border: 1px solid var(--line); border-radius: 0.35rem; text-decoration: none; }
.pagination [aria-current] { background: var(--fg); color: var(--bg); font-weight: 700; }
.pagination .gap { padding: 0.4rem 0.2rem; color: var(--muted); }
.site-footer { border-top: 1px solid var(--line); margin-top: 3rem; padding: 1rem 0 2rem; color: var(--muted); font-size: 0.9rem; }
@media (min-width: 75rem) { .wrap { max-width: 56rem; } }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #333; --line: #999; --link: #000; --card: #fff; }
  .site-header nav, .skip-link, .pagination, .back, .site-footer .generator, .neighbours, .related, .data-links { display: none; }
  .badge { color: #000; background: none !important; border-color: #000; }
  .card, .facts { break-inside: avoid; }
  .body a[href^="http"]::after, .sources a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
}

"""#
}
