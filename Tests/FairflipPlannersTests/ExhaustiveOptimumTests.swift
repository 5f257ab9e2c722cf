import FairflipData
import FairflipPlanners
import Testing

/// Exhaustive search is the true optimum: no method beats it on the training metric.
@Suite struct ExhaustiveOptimumTests {
    @Test func subsetCounts() {
        #expect(ExhaustivePlanner.subsetCount(candidates: 16, budget: 4, cap: 1_000_000) == 2517)
        #expect(ExhaustivePlanner.subsetCount(candidates: 5, budget: 9, cap: 1_000_000) == 32)
        #expect(ExhaustivePlanner.subsetCount(candidates: 10, budget: 0, cap: 10) == 1)
        #expect(ExhaustivePlanner.subsetCount(candidates: 1170, budget: 50, cap: 1_000_000) == nil)
        #expect(ExhaustivePlanner.subsetCount(candidates: 100_000, budget: 100_000, cap: Int.max - 1) == nil)
    }

    @Test func theAnswerDoesNotDependOnTheThreads() throws {
        let context = PlannerFixtures.toySmall
        let one = try ExhaustivePlanner(workers: 1).plan(context, budget: 3, progress: PlannerFixtures.silent)
        let three = try ExhaustivePlanner(workers: 3).plan(context, budget: 3, progress: PlannerFixtures.silent)
        #expect(one.flips == three.flips && one.surrogateMetric == three.surrogateMetric)
        #expect(one.diagnostics["retrains"] == three.diagnostics["retrains"])
    }

    @Test func refusesBeyondTheLimit() {
        let error = #expect(throws: PlanningError.self) {
            try ExhaustivePlanner(limit: 100).plan(PlannerFixtures.toySmall, budget: 3, progress: PlannerFixtures.silent)
        }
        #expect(error?.message.contains("more than 100 subsets") == true)
    }

    @Test(arguments: [("up", 2), ("up", 4), ("both", 3), ("down", 2)])
    func exhaustiveIsTheMinimumOverAllMethods(variant: String, budget: Int) throws {
        let context = PlannerFixtures.toy(variant)
        #expect(context.candidates.count <= 16 && context.candidates.count >= 3)
        let optimum = try ExhaustivePlanner().plan(context, budget: budget, progress: PlannerFixtures.silent)
        let optimal = try PlanEvaluation(plan: optimum, context: context).train.value(of: context.metric)
        #expect(optimum.surrogateMetric == optimal, "exhaustive's own measurement agrees with PlanEvaluation")
        #expect(optimum.flips.count <= budget)
        let base = context.trainingMetric(of: context.baseModel)
        #expect(optimal <= base + 1e-12, "the empty plan is one of the subsets searched")
        for planner in PlannerRegistry.all where planner.name != "exhaustive" {
            let plan = try planner.plan(context, budget: budget, progress: PlannerFixtures.silent)
            let value = try PlanEvaluation(plan: plan, context: context).train.value(of: context.metric)
            #expect(value >= optimal, "\(planner.name) beats exhaustive: \(value) < \(optimal)")
        }
    }
}
