import FairflipData
import FairflipFairness
@testable import FairflipPlanners
import FairflipSolver
import Testing

/// The hard formulation's links: margins against CBC's integrality tolerance, the plan with no
/// toggles always feasible, and a reach never looser than the budget.
@Suite struct HardFormulationTests {
    func problem(_ context: PlanningContext, budget: Int, toggleLimit: Int? = nil) throws -> LinearisedProblem {
        let planning = PlanningSet(instance: context.instance, limit: nil, seed: context.seed)
        let none = [Bool](repeating: false, count: context.candidates.count)
        let response = try LinearResponse(context: context, state: none, model: context.baseModel)
        return try LinearisedProblem(response: response, planning: planning, metric: context.metric, goal: .lowestMetric,
                                     budget: budget, toggleLimit: toggleLimit ?? budget, errorCap: nil)
    }

    /// A binary within τ of 0 or 1 decides the sign of the score as the linear model does.
    @Test(arguments: ["up", "down", "both"])
    func marginsAbsorbTheIntegralityTolerance(toy: String) throws {
        let context = PlannerFixtures.toy(toy)
        let hard = HardFormulation(try problem(context, budget: context.candidates.count))
        let tau = HardFormulation.integralityTolerance
        #expect(!hard.reach.changeable.isEmpty)
        for (c, r) in hard.classes.reachIndex.enumerated() {
            let s = hard.lp.scores[hard.classes.representative(c)]
            let eps = hard.eps[c], delta = hard.negativeMargin[c]
            let lowest = s + hard.reach.down[r], highest = max(0, s + hard.reach.up[r])
            #expect(eps > 0 && delta >= 0)
            // v = 1 − τ: the lo link still forces a positive score.
            #expect(eps - tau * (eps - lowest) > 0 || eps == s)
            // v = τ: the hi link still forces a non-positive score.
            #expect((highest + delta) * tau - delta <= 0 || delta == -s)
        }
    }

    /// A row whose current score lies inside the excluded band must not make the no-toggle plan
    /// infeasible (the margin shift puts one there on purpose).
    @Test(arguments: [4e-6, -4e-6, 0.0])
    func noTogglePlanIsFeasibleWithAScoreNextToZero(target: Double) throws {
        let context = PlannerFixtures.toySmall
        let lp = try problem(context, budget: 3)
        let j = try #require(HardFormulation(lp).reach.changeable.first)
        let s = lp.scores[j]
        // Shift every score by δ so that row j lands on `target`.
        let favourable = s < target
        let delta = abs(target - s)
        var reference = lp.scores.map { $0 > 0 }
        reference[j] = favourable
        let shifted = lp.withMargin(delta, reference: reference)
        #expect(abs(shifted.scores[j] - target) < 1e-12)
        let hard = HardFormulation(shifted)
        let none = [Bool](repeating: false, count: lp.candidateCount)
        let start = try #require(hard.start(for: none))
        let activity = hard.problem.rowActivities(start)
        for r in 0..<hard.problem.rowCount {
            #expect(activity[r] >= hard.problem.rowLower[r] - 1e-9 && activity[r] <= hard.problem.rowUpper[r] + 1e-9)
        }
        let outcome = try FormulationSolver.solve(hard, starts: [("no flips", none)], backend: CBCBackend(), options: SolverOptions(), changeableRows: nil)
        #expect(outcome.record.objective! <= hard.problem.objectiveValue(start) + 1e-9)
    }

    /// With no flips and a trust region wider than the budget, only `budget` toggles are possible.
    @Test func reachIsNeverLooserThanTheBudget() throws {
        let context = PlannerFixtures.toySmall
        let loose = HardFormulation(try problem(context, budget: 2, toggleLimit: 4))
        let tight = HardFormulation(try problem(context, budget: 2))
        #expect(loose.reach.changeable == tight.reach.changeable)
        #expect(loose.reach.up == tight.reach.up && loose.reach.down == tight.reach.down)
        let wider = HardFormulation(try problem(context, budget: 4))
        #expect(wider.reach.up.reduce(0, +) > tight.reach.up.reduce(0, +) || wider.reach.changeable.count > tight.reach.changeable.count,
                "the budget should matter on the toy instance")
    }
}
