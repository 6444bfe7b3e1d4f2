import ArgumentParser
import Foundation
import IncidentsCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
        Every error of every file is reported, each as path:line:column: key: message, \
        and the build then exits with status 1, leaving the previous output untouched.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <source>/public).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Include incidents and pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Add full-text search with Pagefind (as search: true in site.yml; needs pip install pagefind-bin).")
    var search = false

    @Option(name: .long, help: ArgumentHelp("Write the output paths this build wrote anew or removed, one per line, sorted (for a deploy step that uploads only those).", valueName: "file"))
    var changedList: String?

    @Option(name: .long, help: ArgumentHelp("Keep what a later build can reuse in this folder (parsed files, and what was published), so a build after a small change parses and writes only what changed. The output is the same as without it.", valueName: "dir"))
    var cache: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print how long each stage took.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    func run() throws {
        let progressLine = quiet ? nil : ProgressLine.forTerminal()
        var options = BuildOptions(sourcePath: source, outputPath: output, includeDrafts: drafts, progress: progressLine?.reporter)
        options.search = search
        options.changedListPath = changedList
        options.cachePath = cache
        do {
            let summary: BuildSummary
            do {
                defer { progressLine?.clear() }
                summary = try SiteBuilder.build(options)
            }
            if verbose {
                for stage in summary.stages {
                    let time = String(format: "%7.0f ms", stage.seconds * 1000)
                    print("  " + stage.name.padding(toLength: 36, withPad: " ", startingAt: 0) + time)
                }
                if let report = summary.cacheReport { print("  cache: " + report) }
            }
            if !quiet {
                summary.notes.forEach(Terminal.note)
                print(summary)
            }
        } catch let failure as BuildFailure {
            Terminal.print(failure.diagnostics)
            let count = failure.diagnostics.count
            Terminal.error("build failed with \(Count.text(count, "error")); the output folder was not changed")
            throw ExitCode.failure
        } catch {
            Terminal.error("\(error)")
            throw ExitCode.failure
        }
    }
}
