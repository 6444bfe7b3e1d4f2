import Foundation

/// `build --cache` keeps fingerprints (Swift hashes) from one process to the next,
/// which is only sound when every process hashes alike: Swift seeds its hashing at
/// random in each process unless `SWIFT_DETERMINISTIC_HASHING` is set when it starts.
/// So a build asked to use a cache starts itself again with it set (once: the new
/// process has it). Other commands keep the random seed, which protects a long-running
/// `serve` against inputs crafted to collide; a cached build's inputs are the site's
/// own files, and the price of collisions there is time, not wrong output.
enum DeterministicHashing {
    static let variable = "SWIFT_DETERMINISTIC_HASHING"

    static func ensure() {
        let arguments = CommandLine.arguments
        guard getenv(variable) == nil,
              arguments.dropFirst().contains(where: { $0 == "--cache" || $0.hasPrefix("--cache=") }),
              arguments.dropFirst().first.map({ $0 == "build" || $0.hasPrefix("-") }) ?? false else { return }
        setenv(variable, "1", 1)
        let argv = arguments.map { strdup($0) } + [nil]
        execv("/proc/self/exe", argv)
        // Not replaced (no /proc): the build still runs, and finds the cache unusable.
        unsetenv(variable)
    }
}
