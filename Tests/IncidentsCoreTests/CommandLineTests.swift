import Foundation
import Testing

/// The `incidents` program as a user runs it: arguments, messages, exit status.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `swift test` builds the executable beside the test bundle.
    static var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("incidents").path
    }

    func run(_ arguments: [String], in directory: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func buildPrintsASummary() throws {
        let site = try TestSite(fixture: "basic")
        let result = try run(["build"], in: site.root)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Built 4 incidents, 4 tags, 15 files written to "))
        #expect(FileManager.default.fileExists(atPath: site.output + "/index.html"))
    }

    @Test func sourceOutputAndDraftsOptions() throws {
        let site = try TestSite(fixture: "basic")
        let elsewhere = site.root + "/elsewhere/site"
        let result = try run(["build", "--source", site.root, "--output", elsewhere, "--drafts"], in: "/")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Built 5 incidents"))
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/incidents/delta/index.html"))
    }

    @Test func errorsAreCompilerStyleWithACaret() throws {
        let site = try TestSite(["content/incidents/x.md": "---\ntitle: T\ndate_reported: 2024-01-01\nseverity: hgh\n---\n"])
        let result = try run(["build"], in: site.root)
        #expect(result.status == 1)
        #expect(result.stderr == """
        content/incidents/x.md:4:11: severity: "hgh" is not one of critical, high, medium, low
        severity: hgh
                  ^
        error: build failed with 1 error; the output folder was not changed

        """)
        #expect(!FileManager.default.fileExists(atPath: site.output))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let site = try TestSite()
        let result = try run(["build", "--colour"], in: site.root)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--colour'"))
    }
}
