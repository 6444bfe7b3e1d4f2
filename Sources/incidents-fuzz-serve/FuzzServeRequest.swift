// A libFuzzer target over `serve`'s request path: the bytes are read as a request
// line and a Host header, routed by `PreviewRouter` against a small built site, and
// every answer is checked against what serve promises: only allowed hosts are
// answered, a redirect never leaves the host, a file is only ever one the build made.
// See docs/reliability.md for how to build and run it:
//
//     swift build --product incidents-fuzz-serve --scratch-path .build-fuzz \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
//     .build-fuzz/debug/incidents-fuzz-serve -max_total_time=600 fuzz-serve-corpus
//
// Without -DFUZZING it replays the files named on its command line.
import Foundation
import IncidentsPreview

/// The files of a small build, as `serve` holds them.
let builtFiles: Set<String> = [
    "index.html", "404.html", "feed.xml", "incidents.json", "assets/style.css", "tags/index.html",
    "tags/caf\u{E9}/index.html", "tags/a b/index.html", "incidents/alpha/index.html", "incidents/%2e/index.html",
    "about/index.html", "page/2/index.html",
]
let routers = [PreviewRouter(bindAddress: "127.0.0.1"), PreviewRouter(bindAddress: "0.0.0.0", allowedHosts: ["preview.test"])]

/// Routes one request; a broken promise stops the fuzzer with the input that broke it.
func exercise(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
    let requestLine = lines.first.map(String.init) ?? ""
    let host = lines.count > 1 ? String(lines[1]) : nil
    let parts = requestLine.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
    let method = parts.first.map(String.init) ?? ""
    let target = parts.count > 1 ? String(parts[1]) : "/"
    let path = String(target.prefix { $0 != "?" && $0 != "#" })
    for router in routers {
        let route = router.route(method: method, path: path, host: host) { builtFiles.contains($0) }
        if case .forbiddenHost = route { continue }
        // Answered: the host must be one a browser on this machine uses for it.
        let name = host.flatMap(HostPolicyProbe.hostName) ?? ""
        precondition(name == "localhost" || name.hasSuffix(".localhost") || name == "preview.test" || name == HostPolicyProbe.machineName
                     || HostPolicyProbe.isAddress(name), "answered Host \(host ?? "nil")")
        switch route {
        case .redirect(let location):
            let scalars = Array(location.unicodeScalars)
            precondition(scalars.first == "/" && scalars.count > 1 && scalars[1] != "/" && scalars[1] != "\\", "redirect \(location) leaves the host")
            precondition(!scalars.contains { $0.value <= 0x20 || $0.value >= 0x7F || $0 == "\\" }, "redirect \(location) is not a plain path")
            precondition(builtFiles.contains(String(location.dropFirst()).removingPercentEncoding.map { $0 + "index.html" } ?? ""),
                         "redirect \(location) to no built folder")
        case .file(let file):
            precondition(builtFiles.contains(file), "served \(file), which the build did not make")
        default:
            break
        }
    }
}

/// An independent reading of `Host` (the library's is internal): `host`, `host:port`
/// or `[IPv6]:port`, lowercased, without a final dot; nil when it is none of these.
enum HostPolicyProbe {
    static func hostName(_ value: String) -> String? {
        let value = value.trimmingCharacters(in: .whitespaces).lowercased()
        var host: Substring
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            host = value[value.index(after: value.startIndex)..<close]
            return isAddress(String(host)) ? String(host) : nil
        }
        host = Substring(value)
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        if host.hasSuffix(".") { host = host.dropLast() }
        return String(host)
    }

    static func isAddress(_ name: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }

    static let machineName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        return gethostname(&buffer, buffer.count - 1) == 0 ? String(cString: buffer).lowercased() : ""
    }()
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    exercise(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("incidents_fuzz_serve_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}
#else
@main
struct ReplayFuzzInputs {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            data.withUnsafeBytes { exercise($0.bindMemory(to: UInt8.self)) }
            print("ok: \(path)")
        }
    }
}
#endif
