import FairflipPlanners
import FairflipSweep
import FairflipTestSupport
import Foundation

/// A fresh temporary folder per test.
public func temporaryFolder(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "fairflip-sweep-tests-\(safe)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A tiny sweep on the toy instance with the test planners; timing off so files are byte-reproducible.
public func toyConfiguration(output: String, jobs: Int = 2, shard: Shard = .whole,
                      planners: [any Planner] = [FirstK(), LastKSeeded(), Refusing()]) -> SweepConfiguration {
    SweepConfiguration(specPath: Repository.path("instances/toy.toml"), budgets: [0, 2, 4], planners: planners,
                       seeds: [0, 1], alphas: [0.5, 1.0], jobs: jobs, shard: shard, output: output, timing: false)
}

public func contents(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
}

/// Removes a test's temporary folder.
public func removeFolder(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}
