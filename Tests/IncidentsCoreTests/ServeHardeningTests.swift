import Foundation
import Testing

/// `incidents serve` under attack or strain: only this machine's names are answered,
/// no redirect leaves the host, connections that stall or close are let go, running
/// out of descriptors is survived, and every rule of `build` holds while it runs.
@Suite(.serialized) struct ServeHardeningTests {
    typealias Server = ServeTests.Server

    /// Descriptors the process at `pid` holds that are sockets.
    private func openSockets(_ pid: Int32) -> Int {
        let folder = "/proc/\(pid)/fd"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0))?.hasPrefix("socket:") == true }.count
    }

    /// CPU time (user + system) the process has used, in seconds.
    private func cpuSeconds(_ pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state is field 3, utime 14 and stime 15 (1-based, whole line).
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private func eventually(_ timeout: TimeInterval = 5, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return condition()
    }

    @Test func onlyThisMachinesNamesAreAnswered() throws {
        let site = try TestSite(fixture: "basic")
        let server = try Server(site: site.root, arguments: ["--allow-host", "preview.test"])
        let http = server.http
        for host in ["127.0.0.1:\(server.port)", "localhost:\(server.port)", "LOCALHOST.", "localhost", "app.localhost:\(server.port)", "preview.test"] {
            #expect(try http.get("/", host: host).status == 200, "Host: \(host)")
        }
        for host in ["evil.example", "evil.example:\(server.port)", "127.0.0.1.evil.example", "[::1]:\(server.port)", "10.0.0.1", "", "localhost:80:80"] {
            let response = try http.get("/", host: host)
            #expect(response.status == 403, "Host: \(host)")
            #expect(!response.body.contains("Alpha incident") && !response.body.contains("<html"), "Host: \(host)")
        }
        let events = try http.get(PreviewPaths.events, host: "evil.example")
        #expect(events.status == 403)
        // HTTP/1.0 without any Host.
        #expect(try http.send("GET / HTTP/1.0\r\nConnection: close\r\n\r\n").status == 403)
        #expect(server.interrupt() == 0)
    }

    @Test func noRedirectLeavesTheHost() throws {
        let site = try TestSite(fixture: "basic")
        let server = try Server(site: site.root)
        let http = server.http
        for (path, location) in [("//tags", "/tags/"), ("///incidents//alpha", "/incidents/alpha/"), ("/./tags", "/tags/"),
                                 ("//incidents/alpha", "/incidents/alpha/")] {
            let response = try http.get(path)
            #expect(response.status == 301 && response.headers["location"] == location, "\(path) → \(response.headers["location"] ?? "none")")
        }
        for path in ["/\\evil.example", "/%5Cevil.example", "/%2Fevil.example", "/..%2f..%2fetc/passwd", "/incidents/%2e%2e/%2e%2e/site.yml"] {
            let response = try http.get(path)
            #expect(response.status == 404 && response.headers["location"] == nil, "\(path)")
        }
        #expect(server.interrupt() == 0)
    }

    @Test func aClosedEventStreamLetsItsSocketGo() throws {
        let site = try TestSite(fixture: "basic")
        let server = try Server(site: site.root)
        let pid = server.process.processIdentifier
        let before = openSockets(pid)
        let events = try server.http.events(PreviewPaths.events)
        #expect(try events.next("hello") != nil)
        #expect(eventually { openSockets(pid) == before + 1 })
        events.close()
        // Released at once, not at the next rebuild (no file changes here).
        #expect(eventually(3) { openSockets(pid) == before }, "\(openSockets(pid)) sockets open, \(before) before")
        #expect(server.interrupt() == 0)
    }

    @Test func stalledAndIdleConnectionsAreClosed() throws {
        let site = try TestSite(fixture: "basic")
        let server = try Server(site: site.root, arguments: ["--request-timeout", "1"])
        let idle = try server.http.connect()
        let halfSent = try server.http.connect()
        try halfSent.send("GET / HTTP/1.1\r\nHost: 127")
        #expect(try LoopbackHTTP.closes(halfSent, within: 4))
        #expect(try LoopbackHTTP.closes(idle, within: 4))
        // A connection that keeps a complete request coming in time is served.
        #expect(try server.http.get("/").status == 200)
        // An open event stream is a response in progress, not an idle connection.
        let events = try server.http.events(PreviewPaths.events)
        #expect(try events.next("hello") != nil)
        Thread.sleep(forTimeInterval: 2)
        try site.write("content/incidents/alpha.md", incidentFile(title: "Alpha still listening"))
        #expect(try events.next("reload") != nil)
        #expect(server.interrupt() == 0)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "needs util-linux's prlimit"))
    func runningOutOfDescriptorsIsSurvivedWithoutSpinning() throws {
        let site = try TestSite(fixture: "basic")
        let server = try Server(site: site.root, launcher: ["/usr/bin/prlimit", "--nofile=64:64", "--"])
        let pid = server.process.processIdentifier
        var connections: [LoopbackHTTP.Connection] = []
        for _ in 0..<100 { connections.append(try server.http.connect()) }
        Thread.sleep(forTimeInterval: 0.5)
        let start = cpuSeconds(pid)
        Thread.sleep(forTimeInterval: 2)
        let used = cpuSeconds(pid) - start
        #expect(used < 0.5, "serve used \(used) s of CPU in 2 s while out of connections")
        // An edit while the connections are held is still built.
        try site.write("content/incidents/alpha.md", incidentFile(title: "Alpha under load"))
        Thread.sleep(forTimeInterval: 1)
        connections.removeAll()
        #expect(eventually { (try? server.http.get("/incidents/alpha/").body.contains("Alpha under load")) == true })
        #expect(!server.stderr.contains("cannot be read"), "\(server.stderr)")
        #expect(server.interrupt() == 0)
    }

    @Test func serveRefusesWhatBuildRefuses() throws {
        let site = try TestSite(fixture: "basic")
        let outside = try BoundaryTests.Outside()
        let server = try Server(site: site.root)
        let http = server.http
        let events = try http.events(PreviewPaths.events)
        #expect(try events.next("hello") != nil)

        // An incident turned into a link to a file outside the site.
        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/alpha.md")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/incidents/alpha.md",
                                                   withDestinationPath: outside.root + "/folder/stolen.md")
        #expect(try events.next("reload") != nil)
        let page = try http.get("/incidents/alpha/").body
        #expect(page.contains("content/incidents/alpha.md:1:1: is a symbolic link to"))
        #expect(!page.contains(BoundaryTests.Outside.secret))
        #expect(!server.stderr.contains(BoundaryTests.Outside.secret))

        // A named pipe: refused at once, serve does not hang on it.
        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/alpha.md")
        #expect(mkfifo(site.root + "/content/incidents/alpha.md", 0o644) == 0)
        #expect(try events.next("reload") != nil)
        #expect(try http.get("/").body.contains("content/incidents/alpha.md:1:1: is a named pipe (FIFO), expected a regular file"))

        // A template that would recurse forever: the overlay, and the server lives on.
        try FileManager.default.removeItem(atPath: site.root + "/content/incidents/alpha.md")
        try site.write("content/incidents/alpha.md", incidentFile(title: "Alpha back"))
        try site.write("templates/footer.mustache", "{{> footer}}\n")
        #expect(try events.next("reload") != nil)
        #expect(try http.get("/").body.contains("templates/footer.mustache:1:1: template error: the template footer includes itself"))

        // A static file where a generated folder goes: refused as build refuses it.
        try site.write("templates/footer.mustache", "<p>fine</p>\n")
        try site.write("static/tags", "a file")
        #expect(try events.next("reload") != nil)
        #expect(try http.get("/").body.contains("static/tags:1:1: is a file where the site needs the folder tags/"))
        #expect(server.interrupt() == 0)
    }
}

/// Addresses `serve` answers besides the site.
enum PreviewPaths {
    static let events = "/_incidents/events"
}
