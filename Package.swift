// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "incidents",
    products: [
        .executable(name: "incidents", targets: ["incidents"]),
        .library(name: "IncidentsCore", targets: ["IncidentsCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The HTTP server of `incidents serve`; without its default traits (swift-configuration, full Foundation).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Already needed by hummingbird; named for the types `serve` uses directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // cmark-gfm 0.29.0.gfm.13 and its GFM extensions, static libraries built from Debian's
        // source tarball by scripts/install-dependencies.sh (Debian 12's own package is older).
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "incidents-cmark-gfm"),
        // libyaml's event API for front matter: Debian's libyaml-dev, its static library
        // installed under a name of its own by scripts/install-dependencies.sh (linked in).
        .systemLibrary(name: "CYAML", pkgConfig: "incidents-yaml"),
        // Linux calls that Glibc's Swift overlay does not expose (renameat2 for atomic publication).
        .systemLibrary(name: "CPlatform"),
        .target(
            name: "IncidentsCore",
            dependencies: [
                "CCmarkGFM",
                "CYAML",
                "CPlatform",
            ],
            // The built-in theme's files, compiled into the binary (no bundle to ship beside it).
            resources: [.embedInCode("Theme/Files"), .embedInCode("Theme/Strings")]
        ),
        // `incidents serve`: the site from memory over HTTP, rebuilt on change, with live reload.
        .target(
            name: "IncidentsPreview",
            dependencies: [
                "IncidentsCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "incidents",
            dependencies: [
                "IncidentsCore",
                "IncidentsPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Prints rebuild figures for docs/performance.md; run by benchmarks/run.sh.
        .executableTarget(
            name: "incidents-benchmark",
            dependencies: ["IncidentsCore"]
        ),
        // libFuzzer target (built with -sanitize=fuzzer -DFUZZING); see docs/reliability.md.
        .executableTarget(
            name: "incidents-fuzz",
            dependencies: ["IncidentsCore"]
        ),
        // libFuzzer target over serve's request routing; see docs/reliability.md.
        .executableTarget(
            name: "incidents-fuzz-serve",
            dependencies: ["IncidentsPreview"]
        ),
        .testTarget(
            name: "IncidentsCoreTests",
            // swift-mustache renders the same templates in a test, as the reference the
            // project's own engine (Templates/) must match byte for byte.
            dependencies: ["IncidentsCore", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Fixtures"]
        ),
    ]
)
