import Foundation
import IncidentsCore

/// How the command line talks to people: problems compiler-style on standard error,
/// coloured only on a terminal and never when NO_COLOR is set (https://no-color.org).
enum Terminal {
    static let useColour: Bool = {
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return isatty(STDERR_FILENO) != 0 && !noColour
    }()

    /// A line of news on standard output, flushed at once (a server's output is often piped).
    static func say(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }

    /// Something left out on purpose, worth knowing but not a problem.
    static func note(_ message: String) {
        write(paint("note:", code: "1;36") + " " + message)
    }

    static func error(_ message: String) {
        write(paint("error:", code: "1;31") + " " + message)
    }

    /// Prints each diagnostic with its source line and a caret (which the diagnostic
    /// carries: nothing is read from disk to print it).
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            var lines = DiagnosticFormatter.format(diagnostic).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if useColour, !lines.isEmpty {
                lines[0] = paint(lines[0], code: diagnostic.severity == .error ? "1;31" : "1;33")
                if lines.count == 3 { lines[2] = paint(lines[2], code: "1;32") }
            }
            write(lines.joined(separator: "\n"))
        }
    }

    private static func paint(_ text: String, code: String) -> String {
        useColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
