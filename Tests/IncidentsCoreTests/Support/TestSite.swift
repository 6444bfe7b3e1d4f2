import Foundation
import Testing
@testable import IncidentsCore

/// A site written into a fresh temporary folder from inline files, removed on deinit.
final class TestSite {
    let root: String

    init(_ files: [String: String] = [:]) throws {
        root = Self.newFolder()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    /// A copy of a fixture folder from `Tests/IncidentsCoreTests/Fixtures/<name>`.
    init(fixture name: String) throws {
        root = Self.newFolder()
        try FileManager.default.copyItem(atPath: Self.fixturesPath + "/" + name, toPath: root)
    }

    private static func newFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("incidents-test-\(UUID().uuidString)").path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    static var fixturesPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").path
    }

    func write(_ path: String, _ text: String) throws {
        try writeBytes(path, Array(text.utf8))
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    var output: String { root + "/public" }

    /// Builds into `public/` on disk, as `incidents build` does.
    @discardableResult
    func build(drafts: Bool = false, parallel: Bool = true) throws -> BuildSummary {
        try SiteBuilder.build(BuildOptions(sourcePath: root, includeDrafts: drafts, parallel: parallel))
    }

    /// Builds into memory and returns every page by path.
    func buildInMemory(drafts: Bool = false, parallel: Bool = true) throws -> MemoryOutput {
        let output = MemoryOutput()
        try Pipeline(Pipeline.Options(sourcePath: root, includeDrafts: drafts, parallel: parallel)).run(into: output)
        return output
    }

    /// The diagnostics a build fails with, as one line each.
    func buildErrors() -> [String] {
        do {
            try build()
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    /// The errors `check` reports (warnings left out), one line each.
    func checkErrors(drafts: Bool = false) -> [String] {
        SiteChecker.check(rootPath: root, includeDrafts: drafts).diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    /// The errors of `serve`'s in-memory build (the incremental path), one line each.
    func serveErrors() -> [String] {
        do {
            // serve keeps one pipeline and runs it on every change: a second run after a
            // touch must report what a first run does.
            let pipeline = Pipeline(Pipeline.Options(sourcePath: root))
            _ = try? pipeline.run(into: MemoryOutput())
            try pipeline.run(changes: [], into: MemoryOutput())
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    /// The errors of a build, which `check` and `serve` must report alike.
    func errorsInEveryMode(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let build = buildErrors()
        #expect(checkErrors() == build, "check disagrees with build", sourceLocation: sourceLocation)
        #expect(serveErrors() == build, "serve disagrees with build", sourceLocation: sourceLocation)
        return build
    }

    /// Runs git in the site folder as a fixed author, the commit dated `date`.
    func git(_ arguments: [String], date: String = "2024-03-01T10:00:00+01:00", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", root, "-c", "user.name=T", "-c", "user.email=t@example.org"] + arguments
        process.environment = ["GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date, "HOME": root]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)", sourceLocation: sourceLocation)
    }

    func read(_ outputRelativePath: String) -> String? {
        try? String(contentsOfFile: output + "/" + outputRelativePath, encoding: .utf8)
    }

    /// Every file under the output folder, relative, sorted.
    func outputFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: output) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }
}

/// A minimal valid incident file, with front-matter lines added or replaced.
func incidentFile(title: String = "A test incident", severity: String = "high", dateReported: String = "2024-02-15",
                  extra: String = "", body: String = "Body text.\n") -> String {
    """
    ---
    title: \(title)
    severity: \(severity)
    date_reported: \(dateReported)
    \(extra)
    ---
    \(body)
    """
}
