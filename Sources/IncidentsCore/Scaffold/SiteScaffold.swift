/// The files `incidents init` writes: a site that builds, with one example incident
/// (numbered 1, so `new` numbers the next ones: ids are permanent, best begun early).
public enum SiteScaffold {
    /// Site-relative paths and their contents.
    public static func files(title: String, today: PartialDate) -> [(path: String, text: String)] {
        [
            ("site.yml", """
            # Site settings; every key is optional. See the format documentation.
            title: \(NewIncident.yamlText(title))
            description: Incidents, written up from public sources.
            language: en
            # languages: [en, fr]                        # more languages: content/incidents/x.fr.md translates x.md
            per_page: 50
            # base_url: https://example.org/incidents/   # where it is published: turns on feeds, sitemap.xml, canonical links
            # facets: [severity, category, industry, status, jurisdiction]   # fields with browse pages, besides tags
            # search: true                               # full-text search with Pagefind (pip install pagefind-bin)
            # unsafe_html: false                         # true lets raw HTML in Markdown through

            """),
            ("content/incidents/\(today.year)/example-incident.md", NewIncident.text(
                title: "Example: chatbot gave a customer a wrong refund policy", severity: .medium,
                tags: ["chatbot", "example"], today: today, id: 1)),
            ("content/pages/about.md", """
            ---
            title: About
            ---
            What this database collects, who keeps it, and how to report an incident.

            """),
            ("templates/README.md", """
            # Templates

            A file here replaces the built-in template of the same name: `footer.mustache`
            replaces the footer, `incident.mustache` the incident page, `style.css` the
            stylesheet. A new name becomes a partial you can include with `{{> name}}`.
            Values are HTML-escaped with `{{ }}`; only Markdown bodies and card `html`
            are written with `{{{ }}}`. Links are written `{{root}}{{url}}`.

            """),
            ("static/.gitkeep", ""),
            (".gitignore", "/public/\n"),
            (".github/workflows/publish.yml", workflow),
        ]
    }

    /// Checks the content on every pull request (annotations on the changed lines) and
    /// publishes the site to GitHub Pages from main, through the incidents Action (a
    /// release binary, the build cache kept between runs).
    static let workflow = """
    # Checks every pull request (problems appear as annotations on the changed lines)
    # and publishes the site to GitHub Pages from main. Replace OWNER/incidents@v1 with
    # the repository and release of the incidents generator you use; choose "GitHub
    # Actions" as the Pages source in the repository's settings.
    name: Check and publish

    on:
      push:
        branches: [main]
      pull_request:
      workflow_dispatch:

    permissions:
      contents: read
      pages: write
      id-token: write

    # One publication at a time; a newer push waits rather than cancels a deployment.
    concurrency:
      group: pages-${{ github.ref }}
      cancel-in-progress: false

    jobs:
      build:
        runs-on: ubuntu-24.04
        steps:
          - uses: actions/checkout@v4
            with:
              # Each page's "Last updated" is its file's last commit: the whole history.
              fetch-depth: 0
          - uses: OWNER/incidents@v1
            with:
              source: .
              # A preview of a pull request includes its drafts; main publishes without.
              drafts: ${{ github.event_name == 'pull_request' }}
              upload-pages: ${{ github.event_name != 'pull_request' }}

      deploy:
        if: github.ref == 'refs/heads/main' && github.event_name != 'pull_request'
        needs: build
        runs-on: ubuntu-24.04
        environment:
          name: github-pages
          url: ${{ steps.deployment.outputs.page_url }}
        steps:
          - id: deployment
            uses: actions/deploy-pages@v4

    """
}
