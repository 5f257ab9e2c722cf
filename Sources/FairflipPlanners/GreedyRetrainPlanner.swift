import FairflipLearning
import FairflipLinearAlgebra
import Foundation

/// Greedy on the real metric (`greedy-retrain`): each of `k` rounds adds the candidate whose
/// flip gives the lowest training metric after actually retraining the firm's model.
///
/// Retraining every remaining candidate every round would cost `k m` fits, so each round first
/// screens: the smoothed metric is linearised around the current retrained model (influence
/// columns from its Hessian factor, the same surrogate as `greedy-surrogate`) and only the
/// `screen` best candidates are retrained. Those refits reuse the round's Hessian factor
/// (`ChordRefit`: the first chord step is exactly the influence step `theta + u_i`; Newton
/// takes over only if the chord stalls), so a round costs one factorisation. The best by
/// (real metric, smoothed metric of the retrained model, row order) is added. The plan is the
/// best prefix over the rounds by real metric (fewest flips on ties), so it is never worse
/// than flipping fewer.
public struct GreedyRetrainPlanner: Planner {
    public let name = "greedy-retrain"
    /// Candidates retrained per round (the surrogate's best).
    public let screen: Int
    /// Temperature `tau` of the smoothed rates used for screening and tie-breaking.
    public let temperature: Double
    /// Smoothing `delta` of `|x|`.
    public let smoothing: Double

    /// Threads refitting the shortlist (default: the active processors); the plan does not depend on it.
    public var threads: Int

    public init(screen: Int = 10, temperature: Double = 0.25, smoothing: Double = 1e-3,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        precondition(screen > 0, "screen at least one candidate per round")
        self.screen = screen
        self.threads = max(1, threads)
        self.temperature = temperature
        self.smoothing = smoothing
    }

    /// One retrained shortlist candidate.
    private struct Trial: Sendable {
        var position: Int
        var model: FittedModel
        var cost: ChordRefit.Cost
        var metric: Double
        var smooth: Double
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        let m = context.candidates.count
        let k = try CandidateRanking.effectiveBudget(budget, candidates: m, method: name)
        let x = context.instance.train.features
        let smoothed = SmoothedMetric(context: context, temperature: temperature, smoothing: smoothing)
        var throttle = ProgressThrottle(progress)

        var labels = context.instance.train.labels
        var model = context.baseModel
        var remaining = context.candidates
        var chosen: [Int] = []
        var bestMetric = CandidateRanking.orderable(context.trainingMetric(of: model)), bestLength = 0
        let baseMetric = bestMetric
        let chord = ChordRefit(context: context)
        var retrains = 0, factorisations = 0
        var cost = ChordRefit.Cost()

        for round in 0..<k {
            // Screen: linearise around the current model, rank the remaining toggles.
            let linear = try LinearisedRates(context: context, smoothed: smoothed, parameters: model.parameters,
                                             labels: labels, rows: remaining)
            factorisations += 1
            let predicted = remaining.indices.map { -linear.value(adding: $0) }
            let shortlist = CandidateRanking.top(screen, of: Array(remaining.indices), scores: predicted)

            // Retrain the shortlist (in parallel), reusing this round's Hessian factor.
            let (currentLabels, currentRows, start) = (labels, remaining, model.parameters)
            let trials = try ParallelMap.map(shortlist, threads: threads) { position -> Trial in
                var trial = currentLabels
                trial[currentRows[position]] = 1 - trial[currentRows[position]]
                let (fitted, refitCost) = try chord.fit(labels: trial, start: start, factor: linear.factor)
                return Trial(position: position, model: fitted, cost: refitCost,
                             metric: CandidateRanking.orderable(context.trainingMetric(of: fitted)),
                             smooth: smoothed.evaluate(scores: fitted.scores(x)).value)
            }
            var pick: Trial?
            for t in trials {
                retrains += 1
                cost += t.cost
                if let p = pick {
                    // Metrics equal up to round-off (the same counts summed in another order) tie.
                    let tie = abs(t.metric - p.metric) <= 1e-12
                    let better = (!tie && t.metric < p.metric) || (tie && (t.smooth < p.smooth
                        || (t.smooth == p.smooth && remaining[t.position] < remaining[p.position])))
                    if !better { continue }
                }
                pick = t
            }
            guard let p = pick else { break }
            let row = remaining.remove(at: p.position)
            labels[row] = 1 - labels[row]
            chosen.append(row)
            model = p.model
            if p.metric < bestMetric - 1e-12 { bestMetric = p.metric; bestLength = chosen.count }
            throttle.report(force: round == 0, "greedy-retrain: round \(round + 1)/\(k), metric \(ProgressThrottle.format(p.metric)), "
                            + "best \(ProgressThrottle.format(bestMetric)) at \(bestLength) flips, \(retrains) retrains")
        }
        throttle.report(force: true, "greedy-retrain: done, \(chosen.count) rounds, \(retrains) retrains, "
                        + "\(cost.chordSteps) chord steps, \(cost.newtonIterations) Newton iterations")
        return Plan(method: name, flips: Array(chosen.prefix(bestLength)), surrogateMetric: bestMetric,
                    diagnostics: ["rounds": Double(chosen.count), "bestPrefix": Double(bestLength),
                                  "retrains": Double(retrains), "newtonIterations": Double(cost.newtonIterations),
                                  "chordSteps": Double(cost.chordSteps), "newtonFallbacks": Double(cost.fallbacks),
                                  "factorisations": Double(factorisations),
                                  "screen": Double(screen), "baseMetric": baseMetric],
                    notes: ["each round retrained the \(screen) candidates the linearised smoothed metric "
                            + "(sigmoid(s/\(temperature)) rates) ranked best; refits by chord steps with the round's Hessian factor "
                            + "(Newton only as a fallback)",
                            "kept the best of \(chosen.count) greedy prefixes by real training metric: \(bestLength) flips"])
    }
}
