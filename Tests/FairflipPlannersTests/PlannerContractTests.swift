import FairflipData
import FairflipPlanners
import Testing

/// Every registered planner: budget, direction, reproducibility.
@Suite struct PlannerContractTests {
    static let names = PlannerRegistry.names

    @Test func registryListsEveryRival() {
        for name in ["random", "rb-prob", "rb-label", "rb-dist", "massaging", "greedy-surrogate", "greedy-retrain",
                     "gradient", "exhaustive"] {
            #expect(PlannerRegistry.planner(named: name) != nil, "\(name) is not registered")
        }
        #expect(Set(Self.names).count == Self.names.count, "duplicate planner names")
    }

    @Test(arguments: names)
    func respectsBudgetAndDirection(name: String) throws {
        let planner = try #require(PlannerRegistry.planner(named: name))
        for context in [PlannerFixtures.toySmall, PlannerFixtures.toySmallDown, PlannerFixtures.toySmallBoth] {
            let candidates = Set(context.candidates)
            #expect(candidates.count <= 16)
            for k in [0, 1, 3] {
                let plan = try planner.plan(context, budget: k, progress: PlannerFixtures.silent)
                #expect(plan.method == name)
                #expect(plan.flips.count <= k)
                #expect(Set(plan.flips).count == plan.flips.count, "a row flips twice")
                #expect(plan.flips == plan.flips.sorted())
                #expect(plan.flips.allSatisfy(candidates.contains), "\(name) flips a non-candidate")
                let direction = context.instance.direction
                #expect(plan.flips.allSatisfy { direction.allows(label: context.instance.train.labels[$0]) })
            }
        }
    }

    @Test(arguments: names)
    func reproducibleWithTheSameSeed(name: String) throws {
        let planner = try #require(PlannerRegistry.planner(named: name))
        let context = PlannerFixtures.toySmall
        let a = try planner.plan(context, budget: 3, progress: PlannerFixtures.silent)
        let b = try planner.plan(context, budget: 3, progress: PlannerFixtures.silent)
        #expect(a == b)
    }

    @Test func randomDependsOnTheSeedOnly() throws {
        let instance = PlannerFixtures.toySmall.instance
        let planner = RandomPlanner()
        let one = try planner.plan(PlanningContext(instance: instance, seed: 1), budget: 5, progress: PlannerFixtures.silent)
        let again = try planner.plan(PlanningContext(instance: instance, seed: 1), budget: 5, progress: PlannerFixtures.silent)
        let other = try planner.plan(PlanningContext(instance: instance, seed: 2), budget: 5, progress: PlannerFixtures.silent)
        #expect(one.flips == again.flips)
        #expect(one.flips.count == 5)
        #expect(one.flips != other.flips)
    }

    @Test func rankingsUseTheWholeBudget() throws {
        let context = PlannerFixtures.toySmall
        for planner: any Planner in [RandomPlanner(), RBProbPlanner(), RBLabelPlanner(), RBDistPlanner(), MassagingPlanner()] {
            let plan = try planner.plan(context, budget: 4, progress: PlannerFixtures.silent)
            #expect(plan.flips.count == 4, "\(planner.name)")
            let all = try planner.plan(context, budget: context.candidates.count, progress: PlannerFixtures.silent)
            #expect(all.flips == context.candidates, "\(planner.name) with a budget of every candidate")
            #expect(throws: PlanningError.self, "\(planner.name) with a budget above the candidates") {
                try planner.plan(context, budget: context.candidates.count + 1, progress: PlannerFixtures.silent)
            }
        }
    }

    @Test func negativeBudgetIsRefused() {
        for planner in PlannerRegistry.all {
            #expect(throws: PlanningError.self) {
                try planner.plan(PlannerFixtures.toySmall, budget: -1, progress: PlannerFixtures.silent)
            }
        }
    }
}
