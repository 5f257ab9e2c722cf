import FairflipLearning
import FairflipLinearAlgebra
import FairflipSolver

/// Projected gradient on relaxed flips (`gradient`): treat each candidate's flip as a
/// fraction `z_i` in [0, 1] (soft label `y_i + z_i (1 - 2 y_i)`), and descend the smoothed
/// metric of the model retrained on those soft labels.
///
/// The gradient comes from implicit differentiation, one Hessian solve per iteration:
/// `v = H^{-1} grad_theta Phi`, `dPhi/dz_i = -C (2 y_i - 1) x_i . v`. Steps are normalised
/// (`step * g / max|g|`, in units of z), projected onto `{0 <= z <= 1, sum z <= k}`
/// (`BudgetProjection`) and accepted only if the retrained smoothed metric decreases
/// (else the step halves; it grows after a success). Trial refits reuse the iterate's Hessian
/// factor (`ChordRefit`, whose first step is the linear prediction `theta + U dz`). After
/// every accepted iterate z is rounded three ways (the `k` largest positive entries, the
/// `ceil(sum z)` largest, the entries >= 1/2) and each new rounding is measured by a real
/// retrain; the plan is the best rounded plan seen, by real training metric.
///
/// The temperature follows a continuation schedule (by default 0.5, 0.25, 0.1, 0.05): wide
/// sigmoids first, so that rows far from the boundary pull too, then sharper ones that
/// resemble the real metric; each stage starts where the previous one stopped.
public struct GradientPlanner: Planner {
    public let name = "gradient"
    /// Iterations at most per temperature stage (accepted or not).
    public let maxIterations: Int
    /// Temperatures `tau` of the smoothed rates (score units), one stage each, in order.
    public let temperatures: [Double]
    /// Smoothing `delta` of `|x|`.
    public let smoothing: Double
    /// First step length, in units of z.
    public let initialStep: Double
    /// When it passes, the descent stops and the best rounded plan so far is returned (the MIP
    /// planner's gradient start shares the plan's deadline); nil: no time limit.
    public var deadline: Deadline?

    public init(maxIterations: Int = 50, temperatures: [Double] = [0.5, 0.25, 0.1, 0.05], smoothing: Double = 1e-3,
                initialStep: Double = 1) {
        precondition(maxIterations > 0 && smoothing > 0 && initialStep > 0, "options must be positive")
        precondition(!temperatures.isEmpty && temperatures.allSatisfy { $0 > 0 }, "temperatures must be positive")
        self.maxIterations = maxIterations
        self.temperatures = temperatures
        self.smoothing = smoothing
        self.initialStep = initialStep
    }

    /// `dPhi/dz_i` for every candidate by implicit differentiation, at a model fitted on the soft
    /// labels of some `z`: `v = H^{-1} grad_theta Phi`, `dPhi/dz_i = -C (2 y_i - 1) x_i . v`
    /// (one solve, whatever the number of candidates).
    ///
    /// - Parameters:
    ///   - evaluation: the smoothed metric at the model's training scores.
    ///   - factor: the Hessian factor at the model.
    ///   - candidateFeatures: the candidates' feature rows (computed when omitted).
    public static func relaxedGradient(_ context: PlanningContext, evaluation: SmoothedMetric.Evaluation, factor: Cholesky,
                                       candidateFeatures: Matrix? = nil) -> [Double] {
        let x = context.instance.train.features
        let y = context.instance.train.labels
        let v = factor.solve(evaluation.parameterGradient(x))
        let xv = BLAS.product(candidateFeatures ?? x.selectingRows(context.candidates), v)
        let C = context.learner.C
        return context.candidates.enumerated().map { p, i in -C * (2 * y[i] - 1) * xv[p] }
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        let candidates = context.candidates
        let m = candidates.count
        let k = try CandidateRanking.effectiveBudget(budget, candidates: m, method: name)
        let x = context.instance.train.features
        let y = context.instance.train.labels
        let xc = x.selectingRows(candidates)
        var throttle = ProgressThrottle(progress)

        func softLabels(_ z: [Double]) -> [Double] {
            var labels = y
            for (p, i) in candidates.enumerated() { labels[i] = y[i] + z[p] * (1 - 2 * y[i]) }
            return labels
        }
        /// Plans from a relaxed z: the k largest positive entries, the ceil(sum z) largest, and z >= 1/2.
        func roundedPlans(_ z: [Double]) -> [[Int]] {
            let positive = z.indices.filter { z[$0] > 0 }
            let rows = positive.map { candidates[$0] }, values = positive.map { z[$0] }
            let mass = Int((z.reduce(0, +) - 1e-9).rounded(.up))
            var plans = [CandidateRanking.top(k, of: rows, scores: values).sorted(),
                         CandidateRanking.top(min(k, max(mass, 1)), of: rows, scores: values).sorted(),
                         CandidateRanking.top(k, of: rows.indices.filter { values[$0] >= 0.5 }.map { rows[$0] },
                                              scores: values.filter { $0 >= 0.5 }).sorted()]
            plans.removeAll { $0.isEmpty }
            return plans
        }

        var z = [Double](repeating: 0, count: m)
        var model = context.baseModel
        var best = (flips: [Int](), metric: CandidateRanking.orderable(context.trainingMetric(of: model)))
        let chord = ChordRefit(context: context)
        var cost = ChordRefit.Cost()
        var iterations = 0, accepted = 0, retrains = 0, roundings = 0
        var stops: [String] = []
        var smoothed = SmoothedMetric(context: context, temperature: temperatures[0], smoothing: smoothing)
        var evaluation = smoothed.evaluate(scores: model.scores(x))

        var evaluated = Set<[Int]>()
        /// Measures the roundings of the current z not measured yet (chord refits from the current model).
        func evaluateRoundings(factor: Cholesky) throws {
            for flips in roundedPlans(z) where evaluated.insert(flips).inserted {
                let (fitted, refitCost) = try chord.fit(labels: context.labels(flipping: flips), start: model.parameters,
                                                        factor: factor)
                retrains += 1; roundings += 1; cost += refitCost
                let metric = CandidateRanking.orderable(context.trainingMetric(of: fitted))
                if metric < best.metric { best = (flips, metric) }
            }
        }

        for temperature in temperatures {
            smoothed = SmoothedMetric(context: context, temperature: temperature, smoothing: smoothing)
            evaluation = smoothed.evaluate(scores: model.scores(x))
            var step = initialStep, stageIterations = 0
            var stopReason = "iteration limit"
            optimisation: while stageIterations < maxIterations && k > 0 {
                if deadline?.hasPassed ?? false { stopReason = "time limit"; break optimisation }
                let factor = try context.hessianFactor(at: model.parameters)
                let g = Self.relaxedGradient(context, evaluation: evaluation, factor: factor, candidateFeatures: xc)
                let scale = g.map(abs).max() ?? 0
                guard scale > 0 else { stopReason = "zero gradient"; break optimisation }
                while true {
                    iterations += 1; stageIterations += 1
                    let trial = BudgetProjection.project((0..<m).map { z[$0] - step * g[$0] / scale }, budget: Double(k))
                    let dz = (0..<m).map { trial[$0] - z[$0] }
                    guard let largest = dz.map(abs).max(), largest > 1e-7 else { stopReason = "stationary"; break optimisation }
                    // Chord refit with the current factor (its first step is the linear prediction theta + U dz).
                    let (fitted, refitCost) = try chord.fit(labels: softLabels(trial), start: model.parameters, factor: factor)
                    retrains += 1; cost += refitCost
                    let trialEvaluation = smoothed.evaluate(scores: fitted.scores(x))
                    if trialEvaluation.value < evaluation.value {
                        z = trial; model = fitted; evaluation = trialEvaluation
                        accepted += 1
                        step = min(step * 2, 8)
                        try evaluateRoundings(factor: factor)
                        break
                    }
                    step *= 0.5
                    if step < 1e-4 { stopReason = "step too small"; break optimisation }
                    if stageIterations >= maxIterations { break optimisation }
                }
                throttle.report(force: accepted == 1, "gradient: iteration \(iterations), smoothed metric \(ProgressThrottle.format(evaluation.value)), "
                                + "sum z \(ProgressThrottle.format(z.reduce(0, +))), best rounded metric \(ProgressThrottle.format(best.metric))")
            }
            stops.append("tau \(temperature): \(stopReason) after \(stageIterations) iterations")
        }
        if k > 0 {
            try evaluateRoundings(factor: try context.hessianFactor(at: model.parameters))
        }
        throttle.report(force: true, "gradient: done after \(iterations) iterations, \(retrains) retrains, best \(ProgressThrottle.format(best.metric))")
        let fractional = z.filter { $0 > 1e-6 && $0 < 1 - 1e-6 }.count
        return Plan(method: name, flips: best.flips, surrogateMetric: best.metric,
                    diagnostics: ["iterations": Double(iterations), "acceptedSteps": Double(accepted),
                                  "retrains": Double(retrains), "newtonIterations": Double(cost.newtonIterations),
                                  "chordSteps": Double(cost.chordSteps), "newtonFallbacks": Double(cost.fallbacks),
                                  "roundings": Double(roundings), "sumZ": z.reduce(0, +),
                                  "fractionalZ": Double(fractional), "stages": Double(temperatures.count),
                                  "smoothedFinal": evaluation.value, "bestRoundedMetric": best.metric],
                    notes: ["relaxed objective: smoothed rates sigmoid(s/tau), tau in \(temperatures), |x| ~ sqrt(x^2 + \(smoothing)^2); "
                            + stops.joined(separator: "; "),
                            "plan: best real training metric among the roundings (k largest z, ceil(sum z) largest, z >= 1/2) "
                            + "of the accepted iterates"])
    }
}
