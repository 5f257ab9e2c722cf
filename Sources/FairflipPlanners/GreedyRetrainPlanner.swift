import FairflipFairness
import FairflipLearning
import FairflipLinearAlgebra
import Foundation

/// Greedy on the real metric (`greedy-retrain`): each of `k` rounds adds the candidate whose
/// flip gives the lowest training metric after actually retraining the firm's model.
///
/// When candidates x budget is at most `exactLimit` the greedy is exact: every remaining
/// candidate is retrained every round (on a 23-candidate instance the screened greedy's single
/// flip gave eqodds 0.0693 where the best single flip gives 0.0238). Beyond that, each round
/// first screens: the smoothed metric is linearised around the current retrained model
/// (influence columns from its Hessian factor, the surrogate of `greedy-surrogate`) and only
/// the `shortlist` best candidates are retrained. Either way the trials of a round are refitted
/// together (`ToggleRefits`: chord steps with the round's Hessian factor, sharing each pass over
/// the features), so a round costs one factorisation. The best by (real metric, smoothed metric
/// of the retrained model, row order) is added. The plan is the best prefix over the rounds by
/// real metric (fewest flips on ties), so it is never worse than flipping fewer.
public struct GreedyRetrainPlanner: Planner {
    public let name = "greedy-retrain"
    /// Candidates retrained per round when the greedy is not exact (the surrogate's best);
    /// `--shortlist` on the command line.
    public var shortlist: Int
    /// The greedy is exact (no screening) when candidates x budget is at most this many retrains.
    public let exactLimit: Int
    /// Temperature `tau` of the smoothed rates used for screening and tie-breaking.
    public let temperature: Double
    /// Smoothing `delta` of `|x|`.
    public let smoothing: Double
    /// Threads refitting a round's trials (default: the active processors); the plan does not depend on it.
    public var threads: Int

    /// - Parameters:
    ///   - screen: the shortlist size (candidates retrained per screened round).
    ///   - exactLimit: retrain every candidate every round when candidates x budget is at most this.
    public init(screen: Int = 10, exactLimit: Int = 5_000, temperature: Double = 0.25, smoothing: Double = 1e-3,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        precondition(screen > 0, "screen at least one candidate per round")
        precondition(exactLimit >= 0, "the exact limit is a number of retrains")
        self.shortlist = screen
        self.exactLimit = exactLimit
        self.threads = max(1, threads)
        self.temperature = temperature
        self.smoothing = smoothing
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        let m = context.candidates.count
        let k = try CandidateRanking.effectiveBudget(budget, candidates: m, method: name)
        let exact = m * k <= exactLimit
        let train = context.instance.train
        let smoothed = SmoothedMetric(context: context, temperature: temperature, smoothing: smoothing)
        var throttle = ProgressThrottle(progress)

        var labels = train.labels
        var model = context.baseModel
        var remaining = context.candidates
        var chosen: [Int] = []
        var bestMetric = CandidateRanking.orderable(context.trainingMetric(of: model)), bestLength = 0
        let baseMetric = bestMetric
        var retrains = 0, factorisations = 0
        var cost = ChordRefit.Cost()

        for round in 0..<k {
            // Which candidates to retrain: all of them (exact), or the linearised metric's best.
            let factor: Cholesky
            let trialRows: [Int]
            if exact {
                factor = try context.hessianFactor(at: model.parameters)
                trialRows = remaining
            } else {
                let linear = try LinearisedRates(context: context, smoothed: smoothed, parameters: model.parameters,
                                                 labels: labels, rows: remaining)
                factor = linear.factor
                let predicted = remaining.indices.map { -linear.value(adding: $0) }
                trialRows = CandidateRanking.top(shortlist, of: Array(remaining.indices), scores: predicted).map { remaining[$0] }
            }
            factorisations += 1

            // Retrain them together, reusing this round's Hessian factor.
            let refits = ToggleRefits(context: context, labels: labels, start: model.parameters, factor: factor)
            let trials = try refits.fit(toggling: trialRows, threads: threads)
            var pick: (trial: ToggleRefits.Trial, metric: Double, smooth: Double)?
            for t in trials {
                retrains += 1
                cost += t.cost
                let metric = CandidateRanking.orderable(
                    FairnessAudit(truth: train.truth, predictions: t.scores.map { $0 > 0 }, groups: train.groups)
                        .value(of: context.metric))
                let smooth = smoothed.evaluate(scores: t.scores).value
                if let p = pick {
                    // Metrics equal up to round-off (the same counts summed in another order) tie.
                    let tie = abs(metric - p.metric) <= 1e-12
                    let better = (!tie && metric < p.metric) || (tie && (smooth < p.smooth
                        || (smooth == p.smooth && t.row < p.trial.row)))
                    if !better { continue }
                }
                pick = (t, metric, smooth)
            }
            guard let p = pick else { break }
            remaining.removeAll { $0 == p.trial.row }
            labels[p.trial.row] = 1 - labels[p.trial.row]
            chosen.append(p.trial.row)
            model = p.trial.model
            if p.metric < bestMetric - 1e-12 { bestMetric = p.metric; bestLength = chosen.count }
            throttle.report(force: round == 0, "greedy-retrain: round \(round + 1)/\(k), metric \(ProgressThrottle.format(p.metric)), "
                            + "best \(ProgressThrottle.format(bestMetric)) at \(bestLength) flips, \(retrains) retrains")
        }
        throttle.report(force: true, "greedy-retrain: done, \(chosen.count) rounds, \(retrains) retrains, "
                        + "\(cost.chordSteps) chord steps, \(cost.newtonIterations) Newton iterations")
        let how = exact
            ? "exact greedy: every remaining candidate retrained each round (\(m) candidates x \(k) rounds <= \(exactLimit))"
            : "each round retrained the \(shortlist) candidates the linearised smoothed metric "
                + "(sigmoid(s/\(temperature)) rates) ranked best (\(m) candidates x \(k) rounds > \(exactLimit): screened)"
        return Plan(method: name, flips: Array(chosen.prefix(bestLength)), surrogateMetric: bestMetric,
                    diagnostics: ["rounds": Double(chosen.count), "bestPrefix": Double(bestLength),
                                  "retrains": Double(retrains), "newtonIterations": Double(cost.newtonIterations),
                                  "chordSteps": Double(cost.chordSteps), "newtonFallbacks": Double(cost.fallbacks),
                                  "factorisations": Double(factorisations), "exact": exact ? 1 : 0,
                                  "screen": Double(exact ? m : shortlist), "baseMetric": baseMetric],
                    notes: [how + "; refits by chord steps with the round's Hessian factor (Newton only as a fallback)",
                            "kept the best of \(chosen.count) greedy prefixes by real training metric: \(bestLength) flips"])
    }
}
