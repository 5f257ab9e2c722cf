import FairflipData
import FairflipFairness
import FairflipLearning
@testable import FairflipPlanners
import Testing

/// greedy-retrain: exact when candidates x budget is small, screened by a shortlist otherwise,
/// with all of a round's trials refitted together.
@Suite("Greedy retrain")
struct GreedyRetrainTests {
    /// The retrained training metric of a plan.
    func retrained(_ flips: [Int], _ context: PlanningContext) throws -> Double {
        try PlanEvaluation(flips: flips, context: context).train.value(of: context.metric)
    }

    /// Exact greedy's first round is the best single flip: the weak-baseline case of issue 11
    /// (a screened k = 1 plan at 0.0693 where the best single flip gives 0.0238) cannot happen.
    @Test(arguments: [FairnessMetric.eqodds, .dp, .eqopp])
    func exactGreedyAtOneFlipIsTheBestSingleFlip(metric: FairnessMetric) throws {
        for direction in [FlipDirection.up, .down, .both] {
            let context = try PlanningContext(instance: PlannerFixtures.toy(alpha: 0.2, direction: direction, metric: metric), seed: 3)
            let greedy = try GreedyRetrainPlanner().plan(context, budget: 1, progress: PlannerFixtures.silent)
            #expect(greedy.diagnostics["exact"] == 1)
            let best = try context.candidates.map { try retrained([$0], context) }.min()!
            let none = try retrained([], context)
            // The plan is the better of no flip and the best single flip.
            let value = try retrained(greedy.flips, context)
            #expect(abs(value - min(best, none)) <= 1e-12,
                    "\(metric) \(direction): greedy \(value), best single flip \(best), none \(none)")
        }
    }

    @Test func exactAndScreenedGreedySayWhichTheyAre() throws {
        // Exact greedy retrains every remaining candidate each round; the screened one says it was screened.
        let context = PlannerFixtures.toySmallBoth
        let exact = try GreedyRetrainPlanner().plan(context, budget: 2, progress: PlannerFixtures.silent)
        let screened = try GreedyRetrainPlanner(screen: 1, exactLimit: 0).plan(context, budget: 2, progress: PlannerFixtures.silent)
        #expect(screened.diagnostics["exact"] == 0)
        #expect(screened.notes[0].contains("screened"))
        #expect(exact.notes[0].contains("exact greedy"))
        #expect(exact.diagnostics["retrains"] == Double(2 * context.candidates.count - 1))
    }

    @Test func theShortlistSizeIsUsedWhenScreening() throws {
        let context = PlannerFixtures.toySmallBoth
        let plan = try GreedyRetrainPlanner(screen: 3, exactLimit: 0).plan(context, budget: 4, progress: PlannerFixtures.silent)
        #expect(plan.diagnostics["screen"] == 3)
        #expect(plan.diagnostics["retrains"]! <= 3 * 4)
    }

    @Test func theShortlistIsASetting() throws {
        var settings = PlannerSettings()
        settings.shortlist = 3
        #expect(GreedyRetrainPlanner().capabilities.settings.contains(.shortlist))
        let planner = try #require(GreedyRetrainPlanner(screen: 10, exactLimit: 0).configured(settings) as? GreedyRetrainPlanner)
        #expect(planner.shortlist == 3)
        let plan = try planner.plan(PlannerFixtures.toySmallBoth, budget: 2, progress: PlannerFixtures.silent)
        #expect(plan.diagnostics["screen"] == 3)
        settings.shortlist = 0
        #expect(settings.problem()?.key == .shortlist)
    }

    /// The shared-pass refits give the models one refit at a time gives.
    @Test func batchedRefitsEqualSingleRefits() throws {
        let context = PlannerFixtures.toySmallBoth
        let x = context.instance.train.features
        let factor = try context.hessianFactor(at: context.baseModel.parameters)
        let labels = context.instance.train.labels
        let refits = ToggleRefits(context: context, labels: labels, start: context.baseModel.parameters, factor: factor,
                                  maxSteps: 12, blockSize: 3)
        let rows = Array(context.candidates.prefix(7))
        let trials = try refits.fit(toggling: rows, threads: 2)
        #expect(trials.map(\.row) == rows)
        for t in trials {
            var y = labels
            y[t.row] = 1 - y[t.row]
            let reference = try context.learner.fit(x, labels: y)
            for (a, b) in zip(t.model.parameters, reference.parameters) { #expect(abs(a - b) < 1e-7) }
            #expect(t.model.converged)
            for (a, b) in zip(t.scores, t.model.scores(x)) { #expect(abs(a - b) < 1e-9) }
        }
    }
}

/// The subsample the MIP's gradient start plans on when the data are large.
@Suite("Planning subsample")
struct PlanningSubsampleTests {
    @Test func keepsEveryCandidateAndMapsRowsBack() throws {
        let context = PlannerFixtures.toySmall
        let train = context.instance.train
        #expect(try context.subsample(limit: train.count) == nil)
        let (sub, rows) = try #require(try context.subsample(limit: 40))
        #expect(rows.count == context.candidates.count + 40)
        #expect(rows == rows.sorted())
        #expect(sub.candidates.map { rows[$0] } == context.candidates)
        for (p, i) in rows.enumerated() {
            #expect(sub.instance.train.lines[p] == train.lines[i])
            #expect(sub.instance.train.labels[p] == train.labels[i])
            #expect(sub.instance.train.features.row(p) == train.features.row(i))
        }
        // Seeded: the same rows again.
        #expect(try context.subsample(limit: 40)?.rows == rows)
        // A plan made on the subsample names training rows once mapped back.
        let plan = try GradientPlanner().plan(sub, budget: 3, progress: PlannerFixtures.silent)
        #expect(Set(plan.flips.map { rows[$0] }).isSubset(of: Set(context.candidates)))
    }
}
