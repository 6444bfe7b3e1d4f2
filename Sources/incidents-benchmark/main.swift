// Measures what benchmarks/run.sh cannot see from outside: the rebuild after one
// incident file changed (the path a dev server takes), and checks that its output
// is byte-identical to a full build.
//
//     incidents-benchmark SITE_DIR [RUNS]
import Foundation
import IncidentsCore

func milliseconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: incidents-benchmark SITE_DIR [RUNS]\n".utf8))
    exit(64)
}
let root = arguments[1]
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5

do {
    let files = try SiteFiles(rootPath: root)
    guard let target = files.incidentFiles.dropFirst(files.incidentFiles.count / 2).first else {
        FileHandle.standardError.write(Data("error: no incident files in \(root)\n".utf8))
        exit(1)
    }
    let path = files.absolutePath(target)
    let original = try String(contentsOfFile: path, encoding: .utf8)
    defer { try? original.write(toFile: path, atomically: true, encoding: .utf8) }

    let output = MemoryOutput()
    let build = Pipeline(Pipeline.Options(sourcePath: root, keepsRenderedParts: true))
    var report: Pipeline.Report?
    let initial = try milliseconds { report = try build.run(into: output) }
    print(String(format: "initial in-memory build: %.0f ms, %d files", initial, report?.written.count ?? 0))

    var bodyTimes: [Double] = []
    var titleTimes: [Double] = []
    var written: [Int] = []
    for run in 1...runs {
        // An edit of the body, the most common change while writing.
        try (original + "\nEdited paragraph \(run).\n").write(toFile: path, atomically: true, encoding: .utf8)
        bodyTimes.append(try milliseconds { report = try build.run(changes: [target], into: output) })
        if ProcessInfo.processInfo.environment["STAGES"] != nil { print("  body edit: " + build.times.summary) }
        written.append(report?.written.count ?? 0)
        // An edit of the title, which changes the incident's card on every list that shows it.
        let retitled = original.replacingOccurrences(of: "title: \"", with: "title: \"Run \(run) ")
        try retitled.write(toFile: path, atomically: true, encoding: .utf8)
        titleTimes.append(try milliseconds { report = try build.run(changes: [target], into: output) })
    }
    print(String(format: "rebuild after a body edit:  median %.1f ms (min %.1f, max %.1f), %d files written",
                 median(bodyTimes), bodyTimes.min()!, bodyTimes.max()!, written.max() ?? 0))
    print(String(format: "rebuild after a title edit: median %.1f ms (min %.1f, max %.1f)",
                 median(titleTimes), titleTimes.min()!, titleTimes.max()!))

    // The output after all those updates must equal a fresh full build of the same files.
    let fresh = MemoryOutput()
    try Pipeline(Pipeline.Options(sourcePath: root)).run(into: fresh)
    let identical = fresh.files == output.files
    print("incremental output identical to a full build: \(identical ? "yes" : "NO")")
    exit(identical ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
