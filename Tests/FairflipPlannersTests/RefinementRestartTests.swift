import FairflipConcurrency
import FairflipData
@testable import FairflipPlanners
import FairflipTestSupport
import Foundation
import Testing

/// Refinement restarts from a plan that lost a comparison when it stalls (formulation.md,
/// "Refinement"). The case: `mip_vs_exhaustive.py`'s german n=250 s=5 (fixture written by
/// `Benchmarks/planners/make_restart_fixture.py`), where the linear model's optimum retrains to
/// 0.00314 and is a dead end for refinement, and a restart from the gradient plan reaches the
/// exhaustive optimum 0.00273.
@Suite struct RefinementRestartTests {
    static func context() throws -> (PlanningContext, Scratch) {
        let scratch = Scratch(prefix: "fairflip-restart-")
        var spec = try String(contentsOfFile: Repository.path("instances/german.toml"), encoding: .utf8)
        spec = spec.replacingOccurrences(of: "file = \"data/german/german.csv\"",
                                         with: "file = \"\(Repository.path("Tests/Fixtures/german-250-s5.csv"))\"")
        spec = spec.replacingOccurrences(of: "alpha = 1.0\nseed = 1", with: "alpha = 0.5\nseed = 5")
        let path = scratch.write("german-250-s5.toml", spec)
        return (try PlanningContext(instance: Instance(specPath: path)), scratch)
    }

    @Test func aStalledRefinementRestartsAndReachesTheExhaustiveOptimum() throws {
        let (context, scratch) = try Self.context()
        _ = scratch
        let optimum = try ExhaustivePlanner().plan(context, budget: 3, progress: PlannerFixtures.silent)
        var config = MIPPlanner.Configuration()
        config.acceptanceTau = nil  // the exhaustive optimum is the exact metric's
        config.timeLimit = 30
        let messages = Locked<[String]>([])
        let result = try MIPPlanner(configuration: config).run(context, budget: 3, progress: { line in
            messages.withLock { $0.append(line) }
        })
        let log = messages.withLock { $0 }
        #expect(log.contains { $0.contains("refinement restarts from") }, "\(log)")
        #expect(abs(result.retrained - optimum.surrogateMetric!) < 1e-9,
                "MIP \(result.retrained), exhaustive \(optimum.surrogateMetric!)")
        // The first solve's plan alone (the linear optimum) stops above it.
        #expect(result.rounds[0].retrained > optimum.surrogateMetric! + 1e-4)
    }
}
