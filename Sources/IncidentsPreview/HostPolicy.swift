import Foundation

/// Which `Host` values `serve` answers: names of the address it listens on, and
/// `localhost`. Everything else gets 403.
///
/// A page on another site can point its own domain name at 127.0.0.1 after loading
/// ("DNS rebinding"); the browser then lets it read whatever that name serves, which
/// would be the preview with its drafts and error overlay. Such requests carry the
/// other site's name in `Host`, so they are refused. IP addresses are answered only when
/// they are the listening address (or, listening on every interface, one of this
/// machine's); other names only when given with `--allow-host`.
struct HostPolicy: Sendable {
    private let names: Set<String>

    /// `bindAddress` as given to `--bind`; `extraNames` from `--allow-host`.
    init(bindAddress: String, extraNames: [String] = []) {
        var names: Set<String> = ["localhost"]
        let bound = Self.normalized(bindAddress)
        switch bound {
        case "0.0.0.0", "::":
            names.formUnion(Self.interfaceAddresses())
            var buffer = [CChar](repeating: 0, count: 256)
            if gethostname(&buffer, buffer.count - 1) == 0 { names.insert(Self.normalized(String(cString: buffer))) }
        case "localhost":
            names.formUnion(["127.0.0.1", "::1"])
        default:
            names.insert(bound)
        }
        names.formUnion(extraNames.map(Self.normalized))
        self.names = names
    }

    /// The names answered, for the message that refuses the others.
    var shownNames: String { names.sorted().joined(separator: ", ") }

    /// Whether to answer a request whose `Host` is `host` (with or without a port).
    func allows(_ host: String?) -> Bool {
        guard let name = host.flatMap(Self.hostName), !name.isEmpty else { return false }
        return names.contains(name) || name.hasSuffix(".localhost")
    }

    /// The host of a `Host` value, without its port, lowercased, IP addresses in their
    /// canonical form: `[::1]:4242` → `::1`, `LocalHost.:80` → `localhost`. Nil for a
    /// value that is not `host` or `host:port` (digits), or `[IPv6]` with a port or not.
    static func hostName(_ value: String) -> String? {
        var host = Substring(value.trimmingCharacters(in: .whitespaces))
        func isPort(_ text: Substring) -> Bool { !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && isPort(rest.dropFirst())) else { return nil }
            let inner = String(host[host.index(after: host.startIndex)..<close])
            var v6 = in6_addr()
            guard inet_pton(AF_INET6, inner, &v6) == 1 else { return nil }
            return normalized(inner)
        }
        if let colon = host.firstIndex(of: ":") {
            guard isPort(host[host.index(after: colon)...]) else { return nil }
            host = host[..<colon]
        }
        guard !host.isEmpty else { return nil }
        return normalized(String(host))
    }

    /// Lowercased, without a final dot; an IP address in the form `inet_ntop` writes.
    static func normalized(_ name: String) -> String {
        var name = name.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, name, &v4) == 1 { return text(of: &v4, family: AF_INET) ?? name }
        if inet_pton(AF_INET6, name, &v6) == 1 { return text(of: &v6, family: AF_INET6) ?? name }
        return name
    }

    private static func text<Address>(of address: inout Address, family: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, &address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(cString: buffer)
    }

    /// This machine's addresses, as the listening socket on every interface answers them.
    private static func interfaceAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var addresses: [String] = []
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr else { continue }
            switch Int32(address.pointee.sa_family) {
            case AF_INET:
                var v4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                text(of: &v4, family: AF_INET).map { addresses.append($0) }
            case AF_INET6:
                var v6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                text(of: &v6, family: AF_INET6).map { addresses.append($0) }
            default:
                continue
            }
        }
        return addresses
    }
}
