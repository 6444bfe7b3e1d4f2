import ArgumentParser
import Foundation

@main
struct Incidents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "Build a static website from a folder of Markdown incident reports.",
        discussion: """
        A site folder holds site.yml (optional), content/incidents/**.md (one incident per file, \
        YAML front matter then Markdown), content/pages/*.md, templates/ and static/. \
        See docs/format.md for the file format.

        Exit status: 0 success, 1 errors in the site (or warnings with check --strict), 2 wrong usage.
        """,
        subcommands: [Build.self, Check.self, Serve.self, Init.self, New.self, Theme.self],
        defaultSubcommand: Build.self
    )

    /// Like ArgumentParser's own `main`, but wrong usage exits with 2 (as `check`
    /// promises scripts: 1 is reserved for problems found in the site).
    static func main() async {
        DeterministicHashing.ensure()
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
