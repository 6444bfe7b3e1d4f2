import Foundation
import Testing
@testable import IncidentsCore

/// The output folder is always a complete site: the old one or the new one.
@Suite(.serialized) struct PublicationTests {
    /// A site of `count` incidents whose titles carry `version`, so two versions differ on every page.
    private func write(_ site: TestSite, version: String, count: Int = 400) throws {
        for number in 1...count {
            try site.write("content/incidents/case-\(number).md", incidentFile(
                title: "Case \(number) \(version)", extra: "tags: [tag-\(number % 20), shared]",
                body: String(repeating: "Paragraph of case \(number), \(version).\n\n", count: 20)))
        }
    }

    /// Every file under `folder` with its bytes, without the build's marker.
    private func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            // The marker carries each build's own token.
            if path == DiskOutput.markerName { continue }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }

    private func startBuild(source: String, output: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = ["build", "--source", source, "--output", output]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func leftovers(beside output: String) -> [String] {
        let parent = (output as NSString).deletingLastPathComponent
        return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter { $0.contains(".incidents-") }
    }

    @Test func killedBuildsLeaveTheOldOrTheNewSiteNeverAMix() throws {
        let site = try TestSite()
        let output = site.root + "/out/site"
        var expected: [String: [String: Data]] = [:]
        for version in ["A", "B"] {
            try write(site, version: version)
            let reference = site.root + "/reference-\(version)"
            try SiteBuilder.build(BuildOptions(sourcePath: site.root, outputPath: reference))
            expected[version] = snapshot(reference)
        }
        #expect(expected["A"] != expected["B"])
        try write(site, version: "A")
        try SiteBuilder.build(BuildOptions(sourcePath: site.root, outputPath: output))

        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for round in 0..<16 {
            let version = round % 2 == 0 ? "B" : "A"
            try write(site, version: version)
            let build = try startBuild(source: site.root, output: output)
            usleep(UInt32.random(in: 0...400_000, using: &generator))
            if build.isRunning {
                kill(build.processIdentifier, SIGKILL)
                killed += 1
            }
            build.waitUntilExit()
            let now = snapshot(output)
            #expect(now == expected["A"] || now == expected["B"], "round \(round): the output is neither complete site")
        }
        #expect(killed > 0, "no build was killed; the test proved nothing")

        // One successful build clears what killed builds left beside the output.
        try write(site, version: "B")
        try SiteBuilder.build(BuildOptions(sourcePath: site.root, outputPath: output))
        #expect(snapshot(output) == expected["B"])
        for _ in 0..<100 where !leftovers(beside: output).isEmpty { usleep(100_000) }
        #expect(leftovers(beside: output) == [])
    }

    @Test func twoBuildsAtOnceLeaveOneWholeSite() throws {
        let site = try TestSite()
        try write(site, version: "A", count: 200)
        let reference = site.root + "/reference"
        try SiteBuilder.build(BuildOptions(sourcePath: site.root, outputPath: reference))
        let output = site.root + "/out/site"
        for _ in 0..<3 {
            let first = try startBuild(source: site.root, output: output)
            let second = try startBuild(source: site.root, output: output)
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
            #expect(snapshot(output) == snapshot(reference))
        }
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() throws {
        let site = try TestSite(fixture: "basic")
        try SiteBuilder.build(BuildOptions(sourcePath: site.root, outputPath: site.root + "/one"))
        try SiteBuilder.build(BuildOptions(sourcePath: site.root, outputPath: site.root + "/two"))
        #expect(snapshot(site.root + "/one") == snapshot(site.root + "/two"))
    }
}
