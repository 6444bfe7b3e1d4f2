// A libFuzzer target over "one incident file in, site pages out": the bytes are
// written as the only incident of a site and the whole pipeline runs on it, into
// memory, as `serve` does. See docs/reliability.md for how to build and run it:
//
//     swift build --product incidents-fuzz --scratch-path .build-fuzz \
//         -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
//     .build-fuzz/debug/incidents-fuzz -max_total_time=1800 fuzz-corpus Tests/IncidentsCoreTests/Fixtures
//
// Without -DFUZZING it is a plain program that runs the same code over the files
// named on its command line, to replay a crash found by the fuzzer.
import Foundation
import IncidentsCore

/// A site folder of the fuzzer's own, with one incident file rewritten for each input.
let site: String = {
    var template = Array((NSTemporaryDirectory() + "/incidents-fuzz-XXXXXX").utf8CString)
    let folder = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    try! FileManager.default.createDirectory(atPath: folder + "/content/incidents", withIntermediateDirectories: true)
    return folder
}()

/// Builds the site of one incident file into memory; never expected to crash or hang.
func exercise(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard (try? Data(bytes).write(to: URL(fileURLWithPath: site + "/content/incidents/fuzz.md"))) != nil else { return }
    _ = try? Pipeline(Pipeline.Options(sourcePath: site, parallel: false)).run(into: MemoryOutput())
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
