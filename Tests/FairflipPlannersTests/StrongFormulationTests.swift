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
    static func hard(_ context: PlanningContext, budget: Int, scoreOrder: Bool = true,
                     mergeCandidates: Bool = true) throws -> HardFormulation {
        let planning = PlanningSet(instance: context.instance, limit: nil, seed: context.seed)
        let none = [Bool](repeating: false, count: context.candidates.count)
        let response = try LinearResponse(context: context, state: none, model: context.baseModel)
        let lp = try LinearisedProblem(response: response, planning: planning, metric: context.metric, goal: .lowestMetric,
                                       budget: budget, toggleLimit: budget, errorCap: nil)
        return HardFormulation(lp, scoreOrder: scoreOrder, mergeCandidates: mergeCandidates)
    }

    /// Candidates that are copies of one training row share one integer flip column: the optimum
    /// is the enumerated one with and without merging, CBC accepts a start given as counts, and a
    /// count decodes to a plan with the same surrogate.
    @Test func mergedCandidatesKeepTheOptimum() throws {
        let context = try PlanningContext(instance: Instance(specPath: GridSpec.path(seed: 5, levels: (2, 2))), metric: .eqodds)
        let m = context.candidates.count
        let k = 3
        let merged = try Self.hard(context, budget: k)
        let plain = try Self.hard(context, budget: k, mergeCandidates: false)
        #expect(merged.flipClasses.count < m, "the grid should give identical candidates")
        #expect(plain.flipClasses.count == m)
        #expect(merged.problem.columnCount == plain.problem.columnCount - (m - merged.flipClasses.count))
        for c in 0..<merged.flipClasses.count {
            #expect(merged.problem.columnUpper[c] == Double(merged.flipClasses.members[c].count))
            let first = merged.flipClasses.representative(c)
            for i in merged.flipClasses.members[c] {
                for r in 0..<merged.lp.response.columns.rows {
                    #expect(merged.lp.response.columns[r, i] == merged.lp.response.columns[r, first])
                }
            }
        }
        let brute = PlanEnumeration.subsets(m, k).map { merged.lp.linearAudit($0).value(of: .eqodds) }.min()!
        for f in [merged, plain] {
            let outcome = try FormulationSolver.solve(f, starts: [], backend: CBCBackend(), options: SolverOptions(), changeableRows: nil)
            #expect(outcome.record.status == .optimal)
            #expect(abs(outcome.record.objective! - brute) < 1e-6, "MIP \(outcome.record.objective!) vs enumeration \(brute)")
            #expect(abs(f.surrogateMetric(outcome.plan) - outcome.record.objective!) < 1e-9)
            #expect(outcome.plan.filter { $0 }.count <= k)
        }
        // A start that flips the last member of a merged class: given as a count, CBC accepts it,
        // and decoding its values gives a plan the linear model cannot tell from it.
        let c = try #require((0..<merged.flipClasses.count).first { merged.flipClasses.members[$0].count > 1 })
        var x = [Bool](repeating: false, count: m)
        x[merged.flipClasses.members[c].last!] = true
        let values = try #require(merged.start(for: x))
        #expect(values[c] == 1)
        let decoded = merged.decode(values)
        #expect(decoded[merged.flipClasses.representative(c)] && decoded.filter { $0 }.count == 1)
        #expect(abs(merged.surrogateMetric(decoded) - merged.surrogateMetric(x)) < 1e-12)
        let outcome = try FormulationSolver.solve(merged, starts: [("last member", x)], backend: CBCBackend(),
                                                  options: SolverOptions(), changeableRows: nil)
        #expect(outcome.record.startAccepted == true)
        #expect(abs(outcome.record.objective! - brute) < 1e-6)
    }

    @Test(arguments: [FairnessMetric.eqodds, .dp, .eqopp])
    func gridInstanceOptimumEqualsEnumeration(metric: FairnessMetric) throws {
        let context = try PlanningContext(instance: Instance(specPath: GridSpec.path(seed: 5)), metric: metric)
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
