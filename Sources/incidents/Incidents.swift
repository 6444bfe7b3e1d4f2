import ArgumentParser

@main
struct Incidents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "Build a static website from a folder of Markdown incident reports.",
        discussion: """
        A site folder holds site.yml (optional), content/incidents/**.md (one incident per file, \
        YAML front matter then Markdown), content/pages/*.md, templates/ and static/. \
        See docs/format.md for the file format.
        """,
        subcommands: [Build.self],
        defaultSubcommand: Build.self
    )
}
