// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "fairflip",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "fairflip", targets: ["fairflip"]),
        .library(name: "FairflipKit", targets: [
            "FairflipConcurrency", "FairflipLinearAlgebra", "FairflipData", "FairflipLearning",
            "FairflipFairness", "FairflipSolver", "FairflipPlanners", "FairflipResults", "FairflipReports", "FairflipSweep",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // System libraries (Debian: coinor-libcbc-dev, libopenblas-dev, liblapacke-dev).
        .systemLibrary(
            name: "CCbc", pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev", "coinor-libclp-dev"])]),
        .systemLibrary(
            name: "CLapack", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        // CBC's incumbents as they are found (a C++ event handler behind a C function; CBC 2.10's
        // C API has no incumbent callback).
        .target(name: "CCbcIncumbents", dependencies: ["CCbc"]),

        // The engine, one module per concern.
        // The one lock box (`Locked<Value>`) shared by every module that shares state between threads.
        .target(name: "FairflipConcurrency"),
        .target(name: "FairflipLinearAlgebra", dependencies: ["CLapack"]),
        .target(name: "FairflipData", dependencies: [
            "FairflipConcurrency", "FairflipLinearAlgebra", "FairflipFairness", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "FairflipLearning", dependencies: ["FairflipLinearAlgebra"]),
        .target(name: "FairflipFairness"),
        .target(name: "FairflipSolver", dependencies: ["FairflipConcurrency", "CCbc", "CCbcIncumbents"]),
        .target(name: "FairflipPlanners", dependencies: [
            "FairflipConcurrency", "FairflipData", "FairflipLearning", "FairflipFairness", "FairflipSolver", "FairflipLinearAlgebra",
        ]),
        // The sweep's results file (records, the CSV table, whole-or-nothing writes): written by
        // the sweep, read by the reports.
        .target(name: "FairflipResults", dependencies: ["FairflipData", "FairflipFairness"]),
        .target(name: "FairflipReports", dependencies: ["FairflipResults", "FairflipData", "FairflipFairness"]),
        .target(name: "FairflipSweep", dependencies: [
            "FairflipConcurrency", "FairflipPlanners", "FairflipData", "FairflipFairness", "FairflipLearning", "FairflipResults",
        ]),

        // The command-line tool: commands live in a library so tests can drive them.
        .target(name: "FairflipCLI", dependencies: [
            "FairflipConcurrency", "FairflipData", "FairflipLearning", "FairflipFairness", "FairflipSolver", "FairflipPlanners",
            "FairflipResults", "FairflipReports", "FairflipSweep", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "fairflip", dependencies: ["FairflipCLI"]),

        .testTarget(name: "FairflipLinearAlgebraTests", dependencies: ["FairflipLinearAlgebra"]),
        .testTarget(name: "FairflipDataTests", dependencies: ["FairflipData", "FairflipTestSupport"]),
        .testTarget(name: "FairflipLearningTests", dependencies: ["FairflipLearning", "FairflipData", "FairflipTestSupport"]),
        .testTarget(name: "FairflipFairnessTests", dependencies: ["FairflipFairness", "FairflipLearning", "FairflipData", "FairflipTestSupport"]),
        .testTarget(name: "FairflipSolverTests", dependencies: ["FairflipSolver", "FairflipTestSupport"]),
        .testTarget(name: "FairflipPlannersTests", dependencies: ["FairflipPlanners", "FairflipData", "FairflipTestSupport"]),
        .testTarget(name: "FairflipResultsTests", dependencies: ["FairflipResults"]),
        .testTarget(name: "FairflipReportsTests", dependencies: [
            "FairflipReports", "FairflipResults", "FairflipSweep", "FairflipTestSupport",
        ]),
        .testTarget(name: "FairflipSweepTests", dependencies: [
            "FairflipSweep", "FairflipResults", "FairflipPlanners", "FairflipData", "FairflipFairness", "FairflipTestSupport",
        ]),
        .testTarget(name: "FairflipCLITests", dependencies: ["FairflipCLI", "fairflip", "FairflipTestSupport"]),
        .target(name: "FairflipTestSupport", dependencies: [
            "FairflipData", "FairflipLearning", "FairflipPlanners", "FairflipSweep", "FairflipSolver",
        ], path: "Tests/FairflipTestSupport"),
    ]
)
