import Dispatch

/// How long each stage of the last run took (wall time), for `--verbose` and the
/// benchmarks: load, parse, model, plan, render.
public struct StageTimes: Sendable, Equatable {
    public private(set) var stages: [(name: String, seconds: Double)] = []
    private var started = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Ends the stage running since the last call (or since `init`) and names it.
    mutating func end(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((name, Double(now - started) / 1e9))
        started = now
    }

    /// Restarts the clock without recording, for a gap between stages that is not theirs.
    mutating func restart() {
        started = DispatchTime.now().uptimeNanoseconds
    }

    /// "load 12 ms, parse 3 ms, …".
    public var summary: String {
        stages.map { "\($0.name) \(String(format: $0.seconds < 0.1 ? "%.1f" : "%.0f", $0.seconds * 1000)) ms" }.joined(separator: ", ")
    }

    public static func == (left: StageTimes, right: StageTimes) -> Bool {
        left.stages.map(\.name) == right.stages.map(\.name) && left.stages.map(\.seconds) == right.stages.map(\.seconds)
    }
}
