import ArgumentParser
import Foundation
import IncidentsCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the whole site without writing anything.",
        discussion: """
        Reports every error a build would stop on, and warnings: unknown front-matter keys \
        (with a "did you mean"), a missing summary or sources, sources without a URL, titles \
        used twice, and links in Markdown bodies to incidents or tags that do not exist. \
        Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 wrong usage.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: "How to print problems: text (for people), json (one document), github (Actions annotations).")
    var format: Format = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Check incidents and pages marked draft: true too.")
    var drafts = false

    func run() throws {
        let report = SiteChecker.check(rootPath: source, includeDrafts: drafts)
        switch format {
        case .text:
            Terminal.print(report.diagnostics)
            print("Checked \(Count.text(report.incidentCount, "incident")): "
                  + "\(Count.text(report.errorCount, "error")), \(Count.text(report.warningCount, "warning"))")
        case .json:
            let document: [String: Any] = [
                "incidents": report.incidentCount,
                "errors": report.errorCount,
                "warnings": report.warningCount,
                "diagnostics": report.diagnostics.map { diagnostic -> [String: Any] in
                    var entry: [String: Any] = [
                        "file": diagnostic.location.file, "line": diagnostic.location.line,
                        "column": diagnostic.location.column, "severity": diagnostic.severity.rawValue,
                        "message": diagnostic.message,
                    ]
                    if let key = diagnostic.key { entry["key"] = key }
                    return entry
                },
            ]
            let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        case .github:
            for diagnostic in report.diagnostics {
                print(Self.annotation(diagnostic))
            }
        }
        let failed = report.errorCount > 0 || (strict && report.warningCount > 0)
        if failed { throw ExitCode.failure }
    }

    /// A GitHub Actions workflow command, so the problem shows on the pull request's line.
    static func annotation(_ diagnostic: Diagnostic) -> String {
        func escapeData(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ text: String) -> String {
            escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        let location = diagnostic.location
        let message = (diagnostic.key.map { "\($0): " } ?? "") + diagnostic.message
        return "::\(diagnostic.severity == .error ? "error" : "warning") file=\(escapeProperty(location.file)),"
            + "line=\(location.line),col=\(location.column)::\(escapeData(message))"
    }
}
