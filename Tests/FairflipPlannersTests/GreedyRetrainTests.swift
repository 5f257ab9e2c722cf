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

    /// A screened greedy's path is made of real retrains whatever ranks its shortlist: its best
    /// prefix's metric is the retrained metric of its plan. The one-step ranking retrains only
    /// the pick; the retrain ranking the whole shortlist.
    @Test(arguments: GreedyRetrainPlanner.ShortlistRanking.allCases)
    func screenedPathsAreRealRetrains(ranking: GreedyRetrainPlanner.ShortlistRanking) throws {
        let context = PlannerFixtures.toySmall
        let k = 4
        let plan = try GreedyRetrainPlanner(screen: 3, exactLimit: 0, ranking: ranking).plan(context, budget: k,
                                                                                          progress: PlannerFixtures.silent)
        #expect(plan.diagnostics["exact"] == 0)
        #expect(plan.diagnostics["retrains"] == Double(ranking == .newtonStep ? k : 3 * k))
        #expect(plan.diagnostics["newtonStepTrials"] == Double(3 * k))
        #expect(try abs(plan.surrogateMetric! - retrained(plan.flips, context)) <= 1e-12)
        #expect(plan.notes[1].contains("of \(k) rounds"))
    }

    /// The four-solve screen predicts what the influence columns predict.
    @Test func toggleScreenEqualsTheInfluenceColumnsPrediction() throws {
        let context = PlannerFixtures.toySmallBoth
        let smoothed = SmoothedMetric(context: context, temperature: 0.25)
        let model = context.baseModel
        let labels = context.instance.train.labels
        let rows = context.candidates
        let linear = try LinearisedRates(context: context, smoothed: smoothed, parameters: model.parameters, labels: labels, rows: rows)
        let screen = ToggleScreen(context: context, smoothed: smoothed, factor: linear.factor,
                                  scores: model.scores(context.instance.train.features), labels: labels, rows: rows)
        for p in rows.indices {
            #expect(abs(screen.value(toggling: p) - linear.value(adding: p)) <= 1e-12)
        }
    }

    /// One-step trials are the models `theta + u_i`, close to the retrained ones.
    @Test func newtonStepTrialsAreOneNewtonStep() throws {
        let context = PlannerFixtures.toySmall
        let x = context.instance.train.features
        let labels = context.instance.train.labels
        let theta = context.baseModel.parameters
        let factor = try context.hessianFactor(at: theta)
        let rows = Array(context.candidates.prefix(4))
        let influence = context.influence(of: rows, labels: labels, factor: factor)
        let trials = NewtonStepTrials(features: x, scores: context.baseModel.scores(x), influence: influence)
        #expect(trials.rows == rows)
        for (j, row) in rows.enumerated() {
            let step = zip(theta, influence.column(j)).map { $0 + $1 }
            let expected = x.storage.indices.filter { $0 % x.columns == 0 }.map { i in
                (0..<x.columns).reduce(0.0) { $0 + x.storage[i + $1] * step[$1] }
            }
            for (a, b) in zip(trials.scores(j), expected) { #expect(abs(a - b) <= 1e-9) }
            var y = labels
            y[row] = 1 - y[row]
            let refit = try context.refitFirmModel(labels: y, from: theta)
            // Second order in the toggle: far closer to the retrained model than the start is.
            let moved = zip(theta, refit.parameters).map { abs($0 - $1) }.max()!
            let error = zip(step, refit.parameters).map { abs($0 - $1) }.max()!
            #expect(error < 0.1 * moved, "row \(row): one step off by \(error), the refit moved \(moved)")
        }
    }

    @Test func theRankingAndPlanningRowsAreSettings() throws {
        var settings = PlannerSettings()
        settings.shortlistRanking = .retrain
        settings.planningRows = 40
        #expect(GreedyRetrainPlanner().capabilities.settings.isSuperset(of: [.shortlistRanking, .planningRows]))
        let planner = try #require(GreedyRetrainPlanner().configured(settings) as? GreedyRetrainPlanner)
        #expect(planner.ranking == .retrain && planner.planningRows == 40)
        #expect(GreedyRetrainPlanner().ranking == .newtonStep && GreedyRetrainPlanner().planningRows == nil)
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

/// The subsample the MIP's gradient start and greedy-retrain plan on when the data are large.
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

    /// Below the threshold (no more rows than the candidates plus the planning rows) greedy plans
    /// on the whole split, exactly as without planning rows.
    @Test(arguments: [0, 5_000])
    func greedyBelowTheThresholdPlansOnTheWholeSplit(exactLimit: Int) throws {
        let context = PlannerFixtures.toySmall
        var subsampled = GreedyRetrainPlanner(screen: 3, exactLimit: exactLimit)
        subsampled.planningRows = context.instance.train.count
        let a = try GreedyRetrainPlanner(screen: 3, exactLimit: exactLimit).plan(context, budget: 3, progress: PlannerFixtures.silent)
        let b = try subsampled.plan(context, budget: 3, progress: PlannerFixtures.silent)
        #expect(a.flips == b.flips && a.surrogateMetric == b.surrogateMetric && a.notes == b.notes)
        #expect(a.diagnostics == b.diagnostics && b.diagnostics["planningRows"] == nil)
    }

    /// Above it, greedy plans on the subsample the MIP's gradient start uses, and names training rows.
    @Test func greedyAboveTheThresholdPlansOnTheSubsample() throws {
        let context = PlannerFixtures.toySmall
        var planner = GreedyRetrainPlanner(screen: 3, exactLimit: 0)
        planner.planningRows = 40
        let plan = try planner.plan(context, budget: 3, progress: PlannerFixtures.silent)
        let (sub, rows) = try #require(try context.subsample(limit: 40))
        let onSub = try GreedyRetrainPlanner(screen: 3, exactLimit: 0).plan(sub, budget: 3, progress: PlannerFixtures.silent)
        #expect(plan.flips == onSub.flips.map { rows[$0] })
        #expect(Set(plan.flips).isSubset(of: Set(context.candidates)))
        #expect(plan.diagnostics["planningRows"] == Double(context.candidates.count + 40))
        #expect(plan.notes.last!.contains("seeded subsample"))
    }
}
