import FairflipData
import FairflipFairness
import FairflipLearning
import FairflipLinearAlgebra
import FairflipPlanners
import Foundation
import Testing

/// The pieces the gradient-based planners stand on: projection, smoothed metric, influence.
@Suite struct RelaxationTests {
    @Test func projectionOntoTheBudgetSet() {
        let inside = BudgetProjection.project([0.2, 0.5, 0], budget: 2)
        #expect(inside == [0.2, 0.5, 0])
        let clipped = BudgetProjection.project([-1, 2, 0.3], budget: 2)
        #expect(clipped == [0, 1, 0.3])
        let z = BudgetProjection.project([0.9, 0.8, 0.7, -0.2], budget: 1.5)
        #expect(abs(z.reduce(0, +) - 1.5) < 1e-9)
        // lambda = 0.3: (0.9 + 0.8 + 0.7 - 3 lambda) = 1.5
        #expect(abs(z[0] - 0.6) < 1e-9 && abs(z[1] - 0.5) < 1e-9 && abs(z[2] - 0.4) < 1e-9 && z[3] == 0)
    }

    @Test(arguments: FairnessMetric.allCases)
    func smoothedMetricGradientMatchesFiniteDifferences(metric: FairnessMetric) {
        let context = PlannerFixtures.toySmall
        let smoothed = SmoothedMetric(metric: metric, truth: context.instance.train.truth,
                                      groups: context.instance.train.groups, temperature: 0.5, smoothing: 0.01)
        let s = context.baseModel.scores(context.instance.train.features)
        let e = smoothed.evaluate(scores: s)
        for j in [0, 7, 50, 120] {
            var plus = s, minus = s
            plus[j] += 1e-6; minus[j] -= 1e-6
            let numeric = (smoothed.evaluate(scores: plus).value - smoothed.evaluate(scores: minus).value) / 2e-6
            #expect(abs(numeric - e.scoreGradient[j]) < 1e-6, "\(metric) row \(j): \(numeric) vs \(e.scoreGradient[j])")
        }
    }

    @Test func smoothedMetricTendsToTheRealOne() {
        let context = PlannerFixtures.toySmall
        let smoothed = SmoothedMetric(context: context, temperature: 1e-6, smoothing: 1e-9)
        let value = smoothed.evaluate(scores: context.baseModel.scores(context.instance.train.features)).value
        #expect(abs(value - context.trainingMetric(of: context.baseModel)) < 1e-6)
    }

    /// dPhi/dz_i by implicit differentiation (grad Phi . u_i) against retraining with a soft flip.
    @Test func implicitGradientMatchesRetraining() throws {
        let context = PlannerFixtures.toySmall
        let x = context.instance.train.features
        let smoothed = SmoothedMetric(context: context, temperature: 0.5, smoothing: 0.01)
        let base = smoothed.evaluate(scores: context.baseModel.scores(x))
        let factor = try context.learner.hessianFactor(x, model: context.baseModel)
        let influence = InfluenceColumns(features: x, labels: context.instance.train.labels, rows: context.candidates,
                                         C: context.learner.C, factor: factor)
        let grad = base.parameterGradient(x)
        for p in [0, 3, context.candidates.count - 1] {
            let i = context.candidates[p]
            let analytic = BLAS.dot(grad, influence.column(p))
            var labels = context.instance.train.labels
            let eps = 1e-5
            labels[i] += eps * (1 - 2 * labels[i])
            let model = try context.learner.fit(x, labels: labels, warmStart: context.baseModel.parameters)
            let numeric = (smoothed.evaluate(scores: model.scores(x)).value - base.value) / eps
            #expect(abs(numeric - analytic) < 1e-4 * max(1, abs(analytic)), "row \(i): \(numeric) vs \(analytic)")
        }
    }

    /// The gradient planner's dPhi/dz at a fractional z, against retraining with a perturbed z.
    @Test func relaxedGradientMatchesRetrainingAtFractionalFlips() throws {
        let context = PlannerFixtures.toySmallBoth
        let x = context.instance.train.features
        let y = context.instance.train.labels
        let smoothed = SmoothedMetric(context: context, temperature: 0.5, smoothing: 0.01)
        let z = context.candidates.indices.map { Double($0 % 3) * 0.3 }
        func fit(_ z: [Double]) throws -> FittedModel {
            var labels = y
            for (p, i) in context.candidates.enumerated() { labels[i] = y[i] + z[p] * (1 - 2 * y[i]) }
            return try context.learner.fit(x, labels: labels, warmStart: context.baseModel.parameters)
        }
        let model = try fit(z)
        let evaluation = smoothed.evaluate(scores: model.scores(x))
        let gradient = GradientPlanner.relaxedGradient(context, evaluation: evaluation,
                                                       factor: try context.learner.hessianFactor(x, model: model))
        for p in [0, 4, context.candidates.count - 1] {
            let eps = 1e-5
            var plus = z, minus = z
            plus[p] += eps; minus[p] -= eps
            let numeric = (smoothed.evaluate(scores: try fit(plus).scores(x)).value
                           - smoothed.evaluate(scores: try fit(minus).scores(x)).value) / (2 * eps)
            #expect(abs(numeric - gradient[p]) < 1e-5 * max(1, abs(gradient[p])), "candidate \(p): \(numeric) vs \(gradient[p])")
        }
    }

    @Test func greedyRetrainDoesNotDependOnTheThreads() throws {
        let context = PlannerFixtures.toySmallBoth
        let one = try GreedyRetrainPlanner(screen: 4, threads: 1).plan(context, budget: 4, progress: PlannerFixtures.silent)
        let two = try GreedyRetrainPlanner(screen: 4, threads: 2).plan(context, budget: 4, progress: PlannerFixtures.silent)
        #expect(one == two)
    }

    @Test func longPlannersReportDiagnosticsAndProgress() throws {
        let context = PlannerFixtures.toySmall
        let lines = LineCollector()
        let greedy = try GreedyRetrainPlanner(screen: 3).plan(context, budget: 3, progress: { lines.add($0) })
        #expect((greedy.diagnostics["retrains"] ?? 0) >= 3)
        #expect(greedy.diagnostics["newtonIterations"] != nil)
        let gradient = try GradientPlanner().plan(context, budget: 3, progress: { lines.add($0) })
        #expect((gradient.diagnostics["iterations"] ?? 0) >= 1)
        #expect(gradient.diagnostics["retrains"] != nil && gradient.diagnostics["newtonIterations"] != nil)
        let exhaustive = try ExhaustivePlanner().plan(context, budget: 2, progress: { lines.add($0) })
        #expect(exhaustive.diagnostics["retrains"] != nil)
        let all = lines.lines
        for prefix in ["greedy-retrain:", "gradient:", "exhaustive:"] {
            #expect(all.contains { $0.hasPrefix(prefix) }, "no progress from \(prefix)")
        }
        #expect(all.count < 30, "progress floods: \(all.count) lines")
    }
}

/// Collects progress lines from a `@Sendable` callback.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func add(_ line: String) { lock.withLock { storage.append(line) } }
    var lines: [String] { lock.withLock { storage } }
}

/// Chord refits reach the learner's own solution.
@Suite struct ChordRefitTests {
    @Test func matchesNewtonAfterOneFlipAndAfterManySoftFlips() throws {
        let context = PlannerFixtures.toySmallBoth
        let x = context.instance.train.features
        let factor = try context.learner.hessianFactor(x, model: context.baseModel)
        let chord = ChordRefit(context: context)
        var one = context.instance.train.labels
        one[context.candidates[0]] = 1 - one[context.candidates[0]]
        var soft = context.instance.train.labels
        for i in context.candidates { soft[i] = 0.5 }
        for labels in [one, soft, context.labels(flipping: context.candidates)] {
            let (model, cost) = try chord.fit(labels: labels, start: context.baseModel.parameters, factor: factor)
            let reference = try context.learner.fit(x, labels: labels)
            #expect(model.converged)
            for (a, b) in zip(model.parameters, reference.parameters) { #expect(abs(a - b) < 1e-7, "\(a) vs \(b)") }
            #expect(cost.chordSteps + cost.newtonIterations > 0)
        }
        // From the optimum itself: no step at all.
        let (same, _) = try chord.fit(labels: context.instance.train.labels, start: context.baseModel.parameters, factor: factor)
        #expect(same.converged)
        // (The base fit may have stopped at round-off, slightly short of the tolerance: chord polishes it.)
        for (a, b) in zip(same.parameters, context.baseModel.parameters) { #expect(abs(a - b) < 1e-6) }
    }
}
