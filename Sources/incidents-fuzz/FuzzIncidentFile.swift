// A libFuzzer target over "one incident file in, site pages out": the bytes are
// parsed as an incident file and, when valid, the whole site of that one incident
// is rendered in memory. See docs/reliability.md for how to build and run it:
//
//     swift build --product incidents-fuzz --scratch-path .build-fuzz \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
//     .build-fuzz/debug/incidents-fuzz -max_total_time=1800 fuzz-corpus Tests/IncidentsCoreTests/Fixtures
//
// Without -DFUZZING it is a plain program that runs the same code over the files
// named on its command line, to replay a crash found by the fuzzer.
import Foundation
import IncidentsCore

/// An empty site folder: the renderer reads nothing from it (the body is kept in
/// memory, there are no static files), but every renderer has its site's files.
let emptySite: SiteFiles = {
    var template = Array((NSTemporaryDirectory() + "/incidents-fuzz-XXXXXX").utf8CString)
    let folder = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    return try! SiteFiles(rootPath: folder)
}()

/// Parses and renders one incident file; never expected to crash or hang.
func exercise(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    guard case .success(let incident) = IncidentParser.parse(text, path: "content/incidents/fuzz.md") else { return }
    let site = Site(config: SiteConfig(), incidents: [incident], pages: [], staticFiles: [])
    let output = MemoryOutput()
    _ = try? SiteRenderer(site: site, templates: .builtin(), files: emptySite).render(to: output, parallel: false)
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    exercise(UnsafeBufferPointer(start: data, count: size))
    return 0
}

/// libFuzzer's entry point when the program's `main` is not its own.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable target's `main` under this name; hand control to libFuzzer.
@_cdecl("incidents_fuzz_main")
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
