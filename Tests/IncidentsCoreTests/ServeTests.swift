import Foundation
import Testing

/// `incidents serve` over a real loopback connection, as a browser and an editor use it.
@Suite(.serialized) struct ServeTests {
    /// A running `incidents serve`, stopped on deinit.
    final class Server {
        let process = Process()
        let port: Int
        private let output = Pipe(), errors = Pipe()
        private let stdoutText = CollectedText(), stderrText = CollectedText()

        /// `launcher` runs the program (e.g. `prlimit` with its options), when given.
        init(site: String, arguments: [String] = [], launcher: [String] = []) throws {
            let command = launcher + [CommandLineTests.executable, "serve", "--source", site, "--port", "0"] + arguments
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
            process.standardOutput = output
            process.standardError = errors
            output.fileHandleForReading.readabilityHandler = { [stdoutText] in stdoutText.append($0.availableData) }
            errors.fileHandleForReading.readabilityHandler = { [stderrText] in stderrText.append($0.availableData) }
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            var found: Int?
            while found == nil, Date() < deadline, process.isRunning {
                Thread.sleep(forTimeInterval: 0.05)
                let text = stdoutText.text
                if let range = text.range(of: #"Serving http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                    found = Int(text[range].dropFirst("Serving http://127.0.0.1:".count).dropLast())
                }
            }
            guard let found else {
                process.terminate()
                throw LoopbackHTTP.Failure(description: "serve did not start: \(stdoutText.text) \(stderrText.text)")
            }
            port = found
        }

        var stdout: String { stdoutText.text }
        var stderr: String { stderrText.text }
        var http: LoopbackHTTP { LoopbackHTTP(port: port) }

        /// Sends Ctrl-C and waits; returns the exit status, or nil if it did not stop.
        func interrupt(timeout: TimeInterval = 10) -> Int32? {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            return process.isRunning ? nil : process.terminationStatus
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            output.fileHandleForReading.readabilityHandler = nil
            errors.fileHandleForReading.readabilityHandler = nil
        }
    }

    /// What a pipe delivered so far.
    final class CollectedText: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.withLock { data += more } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }

    @Test func servesPagesThenFollowsEditsErrorsAndFixes() throws {
        let site = try TestSite(fixture: "basic")
        let server = try Server(site: site.root)
        let http = server.http

        let index = try http.get("/")
        #expect(index.status == 200)
        #expect(index.headers["content-type"] == "text/html; charset=utf-8")
        #expect(index.body.contains("Alpha incident"))
        #expect(index.body.contains(#"<script src="/_incidents/live-reload.js" defer></script>"#))
        #expect(try http.get("/incidents/alpha/").body.contains("<h1>Alpha incident</h1>"))
        #expect(try http.get("/assets/style.css").headers["content-type"] == "text/css; charset=utf-8")
        let redirect = try http.get("/incidents/alpha")
        #expect(redirect.status == 301 && redirect.headers["location"] == "/incidents/alpha/")
        #expect(try http.get("/no/such/page/").status == 404)
        // Data downloads are sent as the parts they are kept in.
        let data = try http.get("/incidents.json")
        #expect(data.headers["content-type"] == "application/json")
        let parsed = try JSONSerialization.jsonObject(with: Data(data.body.utf8)) as? [String: Any]
        #expect((parsed?["incidents"] as? [Any])?.count == 4)
        #expect(Int(data.headers["content-length"] ?? "") == data.body.utf8.count)
        let script = try http.get("/_incidents/live-reload.js")
        #expect(script.status == 200 && script.body.contains("EventSource(\"/_incidents/events\")"))

        let events = try http.events("/_incidents/events")
        #expect(try events.next("hello") != nil)

        // An edit: the tab is told to reload, and the page shows the new text.
        let alpha = try String(contentsOfFile: site.root + "/content/incidents/alpha.md", encoding: .utf8)
        try site.write("content/incidents/alpha.md", alpha.replacingOccurrences(of: "title: Alpha incident", with: "title: Alpha renamed"))
        #expect(try events.next("reload") != nil)
        let edited = try http.get("/incidents/alpha/").body
        #expect(edited.contains("<h1>Alpha renamed</h1>"))
        #expect(!edited.contains("incidents-build-error"))
        #expect(try http.get("/").body.contains("Alpha renamed"))

        // A mistake: the last good page, under an overlay naming file, line, column and key.
        try site.write("content/incidents/alpha.md", alpha.replacingOccurrences(of: "severity: critical", with: "severity: catastrophic"))
        #expect(try events.next("reload") != nil)
        let broken = try http.get("/incidents/alpha/").body
        #expect(broken.contains(#"<div id="incidents-build-error" role="alert">"#))
        #expect(broken.contains("content/incidents/alpha.md:3:11: severity:"))
        #expect(broken.contains("<h1>Alpha renamed</h1>"))
        #expect(try http.get("/").body.contains("incidents-build-error"))
        #expect(server.stderr.contains("content/incidents/alpha.md:3:11: severity:"))

        // The fix clears it.
        try site.write("content/incidents/alpha.md", alpha.replacingOccurrences(of: "title: Alpha incident", with: "title: Alpha fixed"))
        #expect(try events.next("reload") != nil)
        let fixed = try http.get("/incidents/alpha/").body
        #expect(fixed.contains("<h1>Alpha fixed</h1>"))
        #expect(!fixed.contains("incidents-build-error"))

        // Templates and static files are watched too.
        try site.write("static/notes.txt", "served as it is\n")
        #expect(try events.next("reload") != nil)
        let notes = try http.get("/notes.txt")
        #expect(notes.body == "served as it is\n" && notes.headers["content-type"] == "text/plain; charset=utf-8")

        #expect(server.interrupt() == 0)
        #expect(!FileManager.default.fileExists(atPath: site.output), "serve must never write public/")
    }

    /// Folders come and go whole (a `git checkout`, a file manager): their incidents
    /// appear and disappear, seen by file events and by `--poll`.
    @Test(arguments: [[], ["--poll", "50"]]) func foldersMovedInAndOutAreFollowed(_ arguments: [String]) throws {
        let site = try TestSite(fixture: "basic")
        let elsewhere = try TestSite(["batch/one.md": incidentFile(title: "Batch one"), "batch/deep/two.md": incidentFile(title: "Batch two")])
        let server = try Server(site: site.root, arguments: arguments)
        let events = try server.http.events("/_incidents/events")
        #expect(try events.next("hello") != nil)
        #expect(server.stdout.contains(arguments.isEmpty ? "for changes (file events)" : "for changes (polling every 50 ms)"))

        #expect(rename(elsewhere.root + "/batch", site.root + "/content/incidents/batch") == 0)
        #expect(try events.next("reload") != nil)
        #expect(try server.http.get("/incidents/two/").body.contains("<h1>Batch two</h1>"))
        #expect(try server.http.get("/incidents/one/").status == 200)

        #expect(rename(site.root + "/content/incidents/batch", elsewhere.root + "/batch") == 0)
        #expect(try events.next("reload") != nil)
        #expect(try server.http.get("/incidents/two/").status == 404)
        #expect(try server.http.get("/incidents/one/").status == 404)
        #expect(server.interrupt() == 0)
    }

    @Test func aSiteThatFailsFromTheStartShowsItsErrors() throws {
        let site = try TestSite(fixture: "basic")
        try site.write("content/incidents/alpha.md", "---\ntitle: [unclosed\n---\nBody\n")
        let server = try Server(site: site.root)
        let page = try server.http.get("/")
        #expect(page.status == 500)
        #expect(page.body.contains("Build failed with 1 error"))
        #expect(page.body.contains("content/incidents/alpha.md:"))
        #expect(page.body.contains("/_incidents/live-reload.js"))
        #expect(server.interrupt() == 0)
    }

    @Test func builtSitesCarryNoReloadScript() throws {
        let site = try TestSite(fixture: "basic")
        try site.build()
        let enumerator = FileManager.default.enumerator(atPath: site.output)!
        for case let path as String in enumerator where path.hasSuffix(".html") {
            let html = try String(contentsOfFile: site.output + "/" + path, encoding: .utf8)
            #expect(!html.contains("_incidents"), "\(path)")
        }
    }

    @Test func aBusyPortIsAClearError() throws {
        let site = try TestSite(fixture: "basic")
        let first = try Server(site: site.root)
        let second = try CommandLineTests().run(["serve", "--source", site.root, "--port", String(first.port)], in: site.root)
        #expect(second.status == 1)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(first.port): the port is in use; choose another with --port"))
        #expect(first.interrupt() == 0)
    }
}
