import Foundation

/// When each incident file last changed, from git, when the site is in a git work
/// tree: the date of the last commit that touched it. One `git log` for the whole
/// tree (10,000 files cost one process, not 10,000). Uncommitted edits do not count,
/// so a build of one commit is the same bytes on every machine; outside a work tree
/// (or without git) there are no dates.
public enum GitHistory {
    /// Each site-relative path under `content/incidents/` with the ISO 8601 date of its
    /// last commit (`2024-02-14T09:30:00+01:00`).
    public static func lastCommitDates(siteRoot: String) -> [String: String] {
        guard let git = locate() else { return [:] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: git)
        process.currentDirectoryURL = URL(fileURLWithPath: siteRoot)
        // Read-only, no pager, no hooks or helpers a repository's config could name;
        // paths relative to the site (which may be a folder inside the repository).
        process.arguments = ["-c", "core.fsmonitor=false", "-c", "core.quotepath=off", "--no-pager", "log",
                             "--format=%x01%cI", "--name-only", "--relative", "--no-renames", "-z", "--", "content/incidents"]
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [:] }
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        return parse(Array(bytes))
    }

    /// `git log --format=%x01%cI --name-only -z`, newest first: each commit is `\u{1}`
    /// and its date, a newline, then its paths each ended by NUL. A path's first
    /// commit in this order is its last.
    static func parse(_ bytes: [UInt8]) -> [String: String] {
        var dates: [String: String] = [:]
        var date = ""
        for field in bytes.split(separator: 0, omittingEmptySubsequences: true) {
            var field = field[...]
            while field.first == 10 { field = field.dropFirst() }
            if field.first == 1 {
                // A commit: its date up to the newline, then perhaps its first path.
                let line = field.dropFirst().prefix { $0 != 10 }
                date = String(decoding: line, as: UTF8.self)
                field = field.dropFirst(line.count + 1)
                while field.first == 10 { field = field.dropFirst() }
                if field.isEmpty { continue }
            }
            let path = String(decoding: field, as: UTF8.self)
            if dates[path] == nil, !date.isEmpty { dates[path] = date }
        }
        return dates
    }

    private static func locate() -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.map { $0 + "/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
