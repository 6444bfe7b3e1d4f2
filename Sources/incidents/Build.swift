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

    func run() throws {
        let options = BuildOptions(sourcePath: source, outputPath: output, includeDrafts: drafts)
        do {
            let summary = try SiteBuilder.build(options)
            print(summary)
        } catch let failure as BuildFailure {
            let formatter = DiagnosticFormatter { path in
                try? String(contentsOfFile: (source as NSString).appendingPathComponent(path), encoding: .utf8)
            }
            for diagnostic in failure.diagnostics {
                FileHandle.standardError.write(Data((formatter.format(diagnostic) + "\n").utf8))
            }
            let count = failure.diagnostics.count
            FileHandle.standardError.write(Data("error: build failed with \(count) error\(count == 1 ? "" : "s"); the output folder was not changed\n".utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
