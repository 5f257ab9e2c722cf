import Benchmark
import FairflipData
import FairflipLearning
import Foundation

/// The bundled instances, loaded once per benchmark process and outside every measured block.
enum Instances {
    /// `instances/` of the repository, found from this file's location.
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("instances").path
    }()

    nonisolated(unsafe) static var loaded: [String: Instance] = [:]

    static func load(_ name: String) throws {
        if loaded[name] == nil { loaded[name] = try Instance(specPath: "\(folder)/\(name).toml") }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10),
        maxIterations: 50)

    for name in ["adult", "compas"] {
        Benchmark(
            "LogisticRegression.fit \(name)",
            closure: { benchmark in
                let instance = Instances.loaded[name]!
                let learner = LogisticRegression(C: instance.spec.C)
                for _ in benchmark.scaledIterations {
                    blackHole(try! learner.fit(instance.train.features, labels: instance.train.labels))
                }
            },
            setup: { try Instances.load(name) })
    }

    Benchmark(
        "Instance load adult",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
                             maxDuration: .seconds(10), maxIterations: 5),
        closure: { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try! Instance(specPath: "\(Instances.folder)/adult.toml"))
            }
        })
}
