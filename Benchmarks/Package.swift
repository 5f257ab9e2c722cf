// swift-tools-version: 6.1
// fairflip's speed benchmarks (ordo-one/benchmark), a package of their own so that the main
// package does not depend on the benchmark tooling. Run from this folder:
//   swift package benchmark
// Side-by-side timings against scikit-learn are in peers/fit_speed.py (`make bench`).
import PackageDescription

let package = Package(
    name: "fairflip-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "fairflip", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LogisticFit",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "FairflipKit", package: "fairflip"),
            ],
            path: "Benchmarks/LogisticFit",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Every planner timed on one instance (Benchmarks/planners/rival_times.sh).
        .executableTarget(
            name: "RivalTiming",
            dependencies: [.product(name: "FairflipKit", package: "fairflip")],
            path: "Benchmarks/RivalTiming"
        ),
    ]
)
