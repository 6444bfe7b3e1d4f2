import Foundation

/// Runs Pagefind (https://pagefind.app) over a built site, so readers get full-text
/// search without a server: it writes `pagefind/` beside the pages.
///
/// Pagefind is a separate program; it is looked for as `$INCIDENTS_PAGEFIND`, as
/// `pagefind` or `pagefind_extended` on the PATH, and as Python's `pagefind_bin`
/// package (`pip install pagefind-bin`).
public enum PagefindIndexer {
    public enum Outcome: Sendable, Equatable {
        case indexed(command: String)
        /// Not found: the site is built without full-text search.
        case unavailable
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Indexes the site at `sitePath` in place.
    public static func index(sitePath: String) throws -> Outcome {
        guard let command = locate() else { return .unavailable }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + ["--site", sitePath, "--output-subdir", "pagefind", "--quiet"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "pagefind failed (status \(process.terminationStatus)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return .indexed(command: command.joined(separator: " "))
    }

    /// The command line that starts Pagefind, or nil.
    static func locate() -> [String]? {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["INCIDENTS_PAGEFIND"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? [chosen] : nil
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["pagefind", "pagefind_extended"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return [folder + "/" + name]
            }
        }
        // pip's pagefind-bin ships the binary inside the package, without a command on the PATH.
        for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/python3") {
            let python = folder + "/python3"
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: python)
            probe.arguments = ["-c", "import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind'))"]
            let output = Pipe()
            probe.standardOutput = output
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { continue }
            let path = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            probe.waitUntilExit()
            if probe.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: path) { return [path] }
        }
        return nil
    }
}
