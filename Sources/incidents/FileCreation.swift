import ArgumentParser
import Foundation
import IncidentsCore

/// Creates the files `init` and `new` write: the folder first when missing, never over
/// an existing file, and every failure said plainly with its path (not Foundation's
/// error domain and code).
enum FileCreation {
    static func create(_ path: String, text: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                fail("could not create the folder \(folder): \(SystemErrorText.describe(error))")
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { fail("could not create \(path): \(SystemErrorText.describe(errno: errno))") }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                fail("could not write \(path): \(SystemErrorText.describe(errno: errno))")
            }
            bytes = bytes.dropFirst(written)
        }
    }

    private static func fail(_ message: String) -> Never {
        Terminal.error(message)
        Foundation.exit(ExitCode.failure.rawValue)
    }

}
