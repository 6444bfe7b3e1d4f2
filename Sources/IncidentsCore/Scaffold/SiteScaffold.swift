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
    /// publishes the site to GitHub Pages from main.
    static let workflow = """
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

    env:
      # Where the incidents generator is built from; point it at your copy or fork.
      INCIDENTS_GIT: https://github.com/OWNER/incidents.git

    jobs:
      build:
        runs-on: ubuntu-24.04
        container: swift:6.1-noble
        steps:
          - uses: actions/checkout@v4
          - name: Install incidents
            run: |
              apt-get update -qq && apt-get install -y -qq git pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
              git clone --depth 1 "$INCIDENTS_GIT" /tmp/incidents
              swift build -c release --package-path /tmp/incidents --product incidents
          - name: Check
            run: /tmp/incidents/.build/release/incidents check --format github
          - name: Build
            run: /tmp/incidents/.build/release/incidents build
          - uses: actions/upload-pages-artifact@v3
            with:
              path: public

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
