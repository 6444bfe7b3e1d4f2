// Measures what benchmarks/run.sh cannot see from outside: what happens in the
// pipeline after one incident file changes, and checks that the result is
// byte-identical to a full build.
//
// - serve's path: plan the site again, then render the edited page (other pages are
//   rendered when a browser asks for them), with the time of each stage;
// - the incremental build: plan, then render every file whose fingerprint changed.
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

func summary(_ name: String, _ times: [Double], stages: [StageTimes] = []) -> String {
    var line = String(format: "%@: median %.1f ms (min %.1f, max %.1f)", name, median(times), times.min()!, times.max()!)
    // The stages of the run whose total is the median.
    if let middle = times.indices.sorted(by: { times[$0] < times[$1] }).dropFirst(times.count / 2).first, middle < stages.count {
        line += "\n    " + stages[middle].summary
    }
    return line
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: incidents-benchmark SITE_DIR [RUNS]\n".utf8))
    exit(64)
}
let root = arguments[1]
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7

do {
    let files = try SiteFiles(rootPath: root)
    guard let target = files.incidentFiles.dropFirst(files.incidentFiles.count / 2).first else {
        FileHandle.standardError.write(Data("error: no incident files in \(root)\n".utf8))
        exit(1)
    }
    let path = files.absolutePath(target)
    let original = try String(contentsOfFile: path, encoding: .utf8)
    defer { try? original.write(toFile: path, atomically: true, encoding: .utf8) }

    // An edit of the body, the most common change while writing; and of the title,
    // which changes the incident's card on every list that shows it.
    func bodyEdit(_ run: Int) -> String { original + "\nEdited paragraph \(run).\n" }
    func titleEdit(_ run: Int) -> String { original.replacingOccurrences(of: "title: \"", with: "title: \"Run \(run) ") }

    // serve's path.
    let serve = Pipeline(Pipeline.Options(sourcePath: root, keepsRenderedParts: true))
    var site: OnDemandSite?
    var page = ""
    let initial = try milliseconds {
        let (planned, _) = try serve.publishOnDemand(serve.analyse(), carrying: nil)
        site = planned
        page = planned.paths.first { $0.hasPrefix("incidents/") && $0.hasSuffix("/index.html") && planned.contains($0) } ?? "index.html"
    }
    print(String(format: "serve, first plan: %.0f ms, %d files planned", initial, site?.paths.count ?? 0))
    // The edited incident's page.
    let slug = (target.split(separator: "/").last ?? "").dropLast(3)
    page = site?.contains("incidents/\(slug)/index.html") == true ? "incidents/\(slug)/index.html" : page

    for (name, edit) in [("serve, body edit -> page ready", bodyEdit), ("serve, title edit -> page ready", titleEdit)] {
        var times: [Double] = []
        var stages: [StageTimes] = []
        for run in 1...runs {
            try edit(run).write(toFile: path, atomically: true, encoding: .utf8)
            times.append(try milliseconds {
                let (planned, _) = try serve.publishOnDemand(serve.analyse(changes: [target]), carrying: site)
                _ = try planned.file(at: page)
                site = planned
            })
            stages.append(serve.times)
        }
        print(summary(name, times, stages: stages))
    }

    // The incremental build into memory: every changed file rendered.
    let output = MemoryOutput()
    let build = Pipeline(Pipeline.Options(sourcePath: root, keepsRenderedParts: true))
    var report: Pipeline.Report?
    let full = try milliseconds { report = try build.run(into: output) }
    print(String(format: "full build into memory: %.0f ms, %d files", full, report?.written.count ?? 0))
    for (name, edit) in [("incremental build, body edit", bodyEdit), ("incremental build, title edit", titleEdit)] {
        var times: [Double] = []
        var stages: [StageTimes] = []
        var written = 0
        for run in 1...runs {
            try edit(run).write(toFile: path, atomically: true, encoding: .utf8)
            times.append(try milliseconds { report = try build.run(changes: [target], into: output) })
            stages.append(build.times)
            written = max(written, report?.written.count ?? 0)
        }
        print(summary(name + " (\(written) files written)", times, stages: stages))
    }

    // Both must equal a fresh full build of the same files.
    let fresh = MemoryOutput()
    try Pipeline(Pipeline.Options(sourcePath: root)).run(into: fresh)
    let expected = fresh.files
    let incrementalSame = output.files == expected
    let servedSame = try site?.allFiles().mapValues(\.bytes) == expected
    print("incremental build identical to a full build: \(incrementalSame ? "yes" : "NO")")
    print("serve's files identical to a full build: \(servedSame ? "yes" : "NO")")
    exit(incrementalSame && servedSame ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
