import FairflipData
import FairflipFairness
@testable import FairflipPlanners
import FairflipSolver
import FairflipTestSupport
import Foundation
import Testing

/// The strengthening of the hard formulation (prediction classes of identical rows, score-order
/// inequalities) removes no plan of the linear model: optima still equal enumeration.
@Suite struct StrongFormulationTests {
    /// A small instance whose features lie on a coarse grid, so that many rows share features
    /// (with different labels and groups), like compas's.
    static func gridSpec(seed: UInt64) throws -> String {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        func unit() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var csv = "x1,x2,group,label,member\n"
        for i in 0..<80 {
            let minority = i % 3 == 0
            let x1 = Double(Int(unit() * 4)) - 1.5, x2 = Double(Int(unit() * 3)) - 1
            let logit = 1.2 * x1 - 0.6 * x2 - (minority ? 0.8 : -0.3)
            let y = unit() < 1 / (1 + exp(-logit)) ? 1 : 0
            csv += "\(x1),\(x2),\(minority ? "minority" : "majority"),\(y),\(minority && i % 2 == 0 ? 1 : 0)\n"
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fairflip-grid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try csv.write(to: folder.appendingPathComponent("grid.csv"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("grid.toml").path
        try TwoFeatureSpec.text(name: "grid", file: "grid.csv", testFraction: 0.25,
                                collective: "membership_column = \"member\"", direction: "both")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func hard(_ context: PlanningContext, budget: Int, scoreOrder: Bool = true) throws -> HardFormulation {
        let planning = PlanningSet(instance: context.instance, limit: nil, seed: context.seed)
        let none = [Bool](repeating: false, count: context.candidates.count)
        let response = try LinearResponse(context: context, state: none, model: context.baseModel)
        let lp = try LinearisedProblem(response: response, planning: planning, metric: context.metric, goal: .lowestMetric,
                                       budget: budget, toggleLimit: budget, errorCap: nil)
        return HardFormulation(lp, scoreOrder: scoreOrder)
    }

    @Test(arguments: [FairnessMetric.eqodds, .dp, .eqopp])
    func gridInstanceOptimumEqualsEnumeration(metric: FairnessMetric) throws {
        let context = try PlanningContext(instance: Instance(specPath: Self.gridSpec(seed: 5)), metric: metric)
        let m = context.candidates.count
        #expect(m >= 6 && m <= 16, "\(m) candidates")
        let k = 3
        let hard = try Self.hard(context, budget: k)
        #expect(hard.classes.count < hard.reach.changeable.count, "the grid should give rows with identical features")
        let brute = PlanEnumeration.subsets(m, k).map { hard.lp.linearAudit($0).value(of: metric) }.min()!
        let outcome = try FormulationSolver.solve(hard, starts: [], backend: CBCBackend(), options: SolverOptions(), changeableRows: nil)
        #expect(outcome.record.status == .optimal)
        #expect(abs(outcome.record.objective! - brute) < 1e-6, "MIP \(outcome.record.objective!) vs enumeration \(brute)")
        #expect(abs(hard.surrogateMetric(outcome.plan) - brute) < 1e-9)
    }

    /// Each score-order row holds for every plan within the budget, and none is implied by two others.
    @Test(arguments: ["up", "down", "both"])
    func scoreOrderHoldsForEveryPlan(toy: String) throws {
        let context = PlannerFixtures.toy(toy)
        let k = 3
        let hard = try Self.hard(context, budget: k)
        #expect(hard.orderRows > 0, "the toy instance should have score-order rows")
        let order = ScoreOrder(features: hard.lp.planning.features.selectingRows((0..<hard.classes.count).map(hard.classes.representative)),
                               scores: (0..<hard.classes.count).map { hard.lp.scores[hard.classes.representative($0)] },
                               columns: hard.lp.response.columns, limit: k)
        #expect(order.edges.count == hard.orderRows && order.dominatedPairs >= order.edges.count)
        for x in PlanEnumeration.subsets(context.candidates.count, k) {
            let s = hard.lp.linearScores(x)
            for e in order.edges {
                #expect(s[hard.classes.representative(e.hi)] >= s[hard.classes.representative(e.lo)] - 1e-9)
            }
        }
        let edges = Set(order.edges.map { [$0.hi, $0.lo] })
        for a in order.edges {
            for b in order.edges where b.hi == a.lo {
                #expect(!edges.contains([a.hi, b.lo]), "edge \(a.hi)->\(b.lo) is implied by \(a.hi)->\(a.lo)->\(b.lo)")
            }
        }
        // The rows cut no integer solution: the optimum with and without them agree.
        let plain = try Self.hard(context, budget: k, scoreOrder: false)
        let a = try FormulationSolver.solve(hard, starts: [], backend: CBCBackend(), options: SolverOptions(), changeableRows: nil)
        let b = try FormulationSolver.solve(plain, starts: [], backend: CBCBackend(), options: SolverOptions(), changeableRows: nil)
        #expect(abs(a.record.objective! - b.record.objective!) < 1e-6)
    }
}
