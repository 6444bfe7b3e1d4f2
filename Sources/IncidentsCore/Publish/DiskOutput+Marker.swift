import Foundation

/// The marker file's token, and the lock on the output folder: what tells a build
/// cache that the folder still holds what it published, and keeps a swap and an
/// in-place update from interleaving.
extension DiskOutput {
    /// The token in the marker of the folder at `path`, or nil (no marker, or one that
    /// says an update was interrupted).
    static func token(ofFolder path: String) -> String? {
        guard let text = try? String(contentsOfFile: path + "/" + markerName, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n")
        guard let line = lines.first(where: { $0.hasPrefix("build: ") }) else { return nil }
        let token = String(line.dropFirst("build: ".count))
        return token == "updating" ? nil : token
    }

    /// The marker file's text.
    static func marker(token: String) -> [UInt8] {
        Array("This folder is written by `incidents build`; edits here are lost on the next build.\nbuild: \(token)\n".utf8)
    }

    static func newToken() -> String {
        (0..<4).map { _ in String(UInt32.random(in: 0...UInt32.max), radix: 16) }.joined(separator: "-")
    }

    /// An advisory lock on the output folder's parent (a folder, so no lock file is left
    /// beside the site), held while a build swaps the output or updates it in place, so
    /// the two never interleave.
    static func lockOutput(_ folder: String) -> Int32 {
        let parent = (folder as NSString).deletingLastPathComponent
        let descriptor = open(parent.isEmpty ? "/" : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 { flock(descriptor, LOCK_EX) }
        return descriptor
    }

    static func unlock(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
