import ArgumentParser
import Foundation
import IncidentsCore
import IncidentsPreview

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site at http://127.0.0.1:4242/, rebuilt and reloaded as you edit.",
        discussion: """
        Builds the site into memory (public/ is never touched), serves it, and watches \
        site.yml, content/, templates/ and static/ with file events (inotify; --poll \
        where none are delivered). A change rebuilds only the pages it \
        affects, then every open tab reloads. While a build fails, pages show the errors \
        (file:line:column and message) over the last good version, and the terminal \
        prints them; saving a fix clears them. Stop with Ctrl-C.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var source: String = "."

    @Option(name: .shortAndLong, help: "The port to listen on (0 picks a free one).")
    var port: Int = 4242

    @Option(name: .long, help: ArgumentHelp(
        "The address to listen on. Only this machine can connect unless you choose another, e.g. 0.0.0.0.",
        valueName: "address"))
    var bind: String = "127.0.0.1"

    @Option(name: .customLong("allow-host"), help: ArgumentHelp(
        "Also answer requests that name this host (repeatable). Others than the listening address and localhost get 403, so that no other web site can read the preview.",
        valueName: "name"))
    var allowedHosts: [String] = []

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp(
        "Seconds a connection may take to send a whole request (idle connections are closed after it too).",
        valueName: "seconds"))
    var requestTimeout: Int = 30

    @Option(name: .long, help: ArgumentHelp(
        "Look at every file this often instead of waiting for file events: for folders mounted over a network or into a container, which deliver none.",
        valueName: "milliseconds"))
    var poll: Int?

    @Flag(name: .long, help: "Include incidents and pages marked draft: true.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors and the address.")
    var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port number (0 to 65535)") }
        if let poll, !(10...60_000).contains(poll) { throw ValidationError("--poll \(poll) is not from 10 to 60000 milliseconds") }
        guard (1...3600).contains(requestTimeout) else { throw ValidationError("--request-timeout \(requestTimeout) is not from 1 to 3600 seconds") }
    }

    func run() async throws {
        let quiet = self.quiet
        let source = self.source
        let events = PreviewEvents(
            listening: { url, watching in
                Terminal.say("Serving \(url)  (Ctrl-C to stop)")
                if !quiet { Terminal.say("Watching site.yml, content/, templates/, static/ and vocabularies/ for changes (\(watching))") }
            },
            built: { build in
                guard !quiet else { return }
                let time = "\(Int((build.seconds * 1000).rounded())) ms"
                if build.changedFiles.isEmpty {
                    Terminal.say("Built \(Count.text(build.report.incidents, "incident")), \(Count.text(build.report.tags, "tag")) in \(time)")
                } else {
                    let what = build.changedFiles.count == 1 ? build.changedFiles[0] : Count.text(build.changedFiles.count, "file")
                    let pages = build.report.written.count + build.report.removed.count
                    Terminal.say("\(what) changed: \(Count.text(pages, "file")) updated in \(time)")
                }
            },
            failed: { _, diagnostics in
                Terminal.print(diagnostics)
                let count = diagnostics.count
                Terminal.error("build failed with \(Count.text(count, "error")); still serving the last good build")
            },
            noted: { message in Terminal.note(message) }
        )
        let options = PreviewOptions(sourcePath: source, includeDrafts: drafts, host: bind, port: port, allowedHosts: allowedHosts,
                                     pollInterval: poll.map { .milliseconds($0) }, requestTimeout: .seconds(requestTimeout), events: events)
        do {
            try await PreviewServer.run(options)
        } catch let failure as BuildFailure {
            Terminal.print(failure.diagnostics)
            throw ExitCode.failure
        } catch let error as PreviewServerError {
            Terminal.error(error.message)
            throw ExitCode.failure
        }
    }
}
