import Foundation

/// Runs `incidents` as a user whom file permissions apply to, for tests of unreadable
/// files and read-only folders: as it is when the tests do not run as root, and as
/// `nobody` (through util-linux's `setpriv`) when they do, since root reads everything.
enum Unprivileged {
    static let nobody: (uid: uid_t, gid: gid_t) = (65534, 65534)
    private static let setpriv = "/usr/bin/setpriv"

    /// Why these tests cannot run here, or nil when they can.
    static var unavailableReason: String? {
        if getuid() != 0 { return nil }
        if !FileManager.default.isExecutableFile(atPath: setpriv) {
            return "running as root without \(setpriv) (util-linux) to drop privileges, so no file is unreadable"
        }
        // The program and the test folders must be reachable by the unprivileged user.
        if access(CommandLineTests.executable, X_OK) != 0 { return "the incidents executable is not reachable" }
        return nil
    }

    /// The command line that runs `incidents arguments` unprivileged.
    static func command(_ arguments: [String]) -> [String] {
        getuid() == 0
            ? [setpriv, "--reuid=\(nobody.uid)", "--regid=\(nobody.gid)", "--clear-groups", "--", CommandLineTests.executable] + arguments
            : [CommandLineTests.executable] + arguments
    }

    /// Gives `path` (a folder the tests made) to the user `command` runs as, so it can
    /// write there.
    static func handOver(_ path: String) {
        if getuid() == 0 { chown(path, nobody.uid, nobody.gid) }
    }

    /// Runs `incidents arguments` unprivileged; returns status, stdout and stderr.
    static func run(_ arguments: [String]) throws -> CommandLineTests.Run {
        let line = command(arguments)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: line[0])
        process.arguments = Array(line.dropFirst())
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                    stderr: String(decoding: stderr, as: UTF8.self))
    }
}
