import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain loopback socket, so the server tests
/// see exactly the bytes a browser would and depend on no HTTP library.
struct LoopbackHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int

    /// Sends a GET and reads the whole response (the server closes after it).
    func get(_ path: String, host: String? = nil) throws -> Response {
        try send("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n")
    }

    /// A connection left open, for tests of what the server does with it.
    func connect() throws -> Connection {
        try Connection(port: port)
    }

    /// Sends `request` exactly as given and reads the whole response, until the server closes.
    func send(_ request: String) throws -> Response {
        let connection = try Connection(port: port)
        try connection.send(request)
        var data: [UInt8] = []
        while let chunk = try connection.receive(timeout: 10), !chunk.isEmpty { data += chunk }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no header end in \(text)") }
        let head = text[..<split.lowerBound].split(separator: "\r\n")
        guard let statusLine = head.first, let status = Int(statusLine.split(separator: " ")[1]) else {
            throw Failure(description: "bad status line in \(text)")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }

    /// An open Server-Sent Events stream.
    func events(_ path: String) throws -> EventStream {
        let connection = try Connection(port: port)
        try connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        return EventStream(connection: connection)
    }

    /// Whether the server closed `connection` within `timeout` (reading whatever it sent first).
    static func closes(_ connection: Connection, within timeout: TimeInterval) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let chunk = try? connection.receive(timeout: deadline.timeIntervalSinceNow) else { return false }
            if chunk.isEmpty { return true }
        }
        return false
    }

    final class EventStream {
        private let connection: Connection
        private var buffer = ""

        init(connection: Connection) {
            self.connection = connection
        }

        /// Closes the stream from the client's side, as a closed tab does.
        func close() { connection.close() }

        /// Waits for the next event named `name` and returns its data, or nil on timeout.
        func next(_ name: String, timeout: TimeInterval = 15) throws -> String? {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                while let end = buffer.range(of: "\n\n") {
                    let block = buffer[..<end.lowerBound]
                    buffer = String(buffer[end.upperBound...])
                    let lines = block.split(separator: "\n")
                    if lines.contains("event: \(name)") {
                        return lines.first { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) } ?? ""
                    }
                }
                let left = deadline.timeIntervalSinceNow
                guard left > 0, let chunk = try connection.receive(timeout: left), !chunk.isEmpty else { return nil }
                // Chunked transfer encoding frames the stream; its size lines never contain a blank line pair.
                buffer += String(decoding: chunk, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            }
        }
    }

    final class Connection {
        let socket: Int32

        init(port: Int) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { throw Failure(description: "socket() failed") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard result == 0 else {
                Glibc.close(socket)
                throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
            }
        }

        deinit { Glibc.close(socket) }

        /// Closes the connection from this side.
        func close() { shutdown(socket, Int32(SHUT_RDWR)) }

        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { throw Failure(description: "send failed") }
                sent += count
            }
        }

        /// The next bytes, [] at end of stream, nil when nothing came within `timeout`.
        func receive(timeout: TimeInterval) throws -> [UInt8]? {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(1, timeout * 1000)))
            guard ready > 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count >= 0 else { throw Failure(description: "recv failed") }
            return Array(buffer[..<count])
        }
    }
}
