import FairflipFairness
import FairflipLearning
import FairflipLinearAlgebra
import Foundation

/// Greedy on the real metric (`greedy-retrain`): each of `k` rounds adds the candidate whose
/// flip gives the lowest training metric after retraining the firm's model.
///
/// When candidates x budget is at most `exactLimit` the greedy is exact: every remaining
/// candidate is retrained every round (on a 23-candidate instance the screened greedy's single
/// flip gave eqodds 0.0693 where the best single flip gives 0.0238), its trials refitted
/// together (`ToggleRefits`: chord steps with the round's Hessian factor, sharing each pass over
/// the features). Beyond that, each round screens: the smoothed metric is linearised around the
/// current retrained model (`ToggleScreen`: the surrogate of `greedy-surrogate`, from four solves
/// with its Hessian factor) and the `shortlist` best candidates are ranked by their real metric after
/// one Newton step from the current fit (`NewtonStepTrials`, `ranking = .newtonStep`) or after
/// retraining each to the learner's tolerance (`.retrain`). Either way the pick is retrained to
/// tolerance before the next round, so every model on the greedy's path is a real retrain. The
/// best by (real metric, smoothed metric, row order) is added. The plan is the best prefix over
/// the rounds by real metric (fewest flips on ties), so it is never worse than flipping fewer.
///
/// With `planningRows` and a training split larger than the candidates plus that many rows, the
/// greedy runs on the seeded subsample `PlanningContext.subsample(limit:)` (the MIP's gradient
/// start uses the same one); its metrics are then the subsample's, a guide only: the plan is
/// judged by retraining on the whole split.
public struct GreedyRetrainPlanner: Planner {
    public let name = "greedy-retrain"
    /// Candidates ranked per round when the greedy is not exact (the surrogate's best);
    /// `--shortlist` on the command line.
    public var shortlist: Int
    /// The greedy is exact (no screening) when candidates x budget is at most this many retrains.
    public let exactLimit: Int
    /// How a screened round ranks its shortlist.
    public var ranking: ShortlistRanking
    /// Plan on every candidate plus this many other training rows (seeded) when the training split
    /// is larger; nil: on the whole split. `--planning-rows` on the command line.
    public var planningRows: Int?
    /// Temperature `tau` of the smoothed rates used for screening and tie-breaking.
    public let temperature: Double
    /// Smoothing `delta` of `|x|`.
    public let smoothing: Double
    /// Threads refitting a round's trials (default: the active processors); the plan does not depend on it.
    public var threads: Int

    /// How a screened round ranks its shortlist before retraining the pick.
    public enum ShortlistRanking: String, Sendable, CaseIterable {
        /// By the real metric after one Newton step from the current fit, `theta + u_i`: one
        /// matrix product for the whole shortlist.
        case newtonStep = "newton-step"
        /// By the real metric after retraining each candidate to the learner's tolerance.
        case retrain
    }

    /// - Parameters:
    ///   - screen: the shortlist size (candidates ranked per screened round).
    ///   - exactLimit: retrain every candidate every round when candidates x budget is at most this.
    ///   - ranking: how a screened round ranks its shortlist.
    public init(screen: Int = 10, exactLimit: Int = 5_000, ranking: ShortlistRanking = .newtonStep,
                temperature: Double = 0.25, smoothing: Double = 1e-3,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        precondition(screen > 0, "screen at least one candidate per round")
        precondition(exactLimit >= 0, "the exact limit is a number of retrains")
        self.shortlist = screen
        self.exactLimit = exactLimit
        self.ranking = ranking
        self.threads = max(1, threads)
        self.temperature = temperature
        self.smoothing = smoothing
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        guard let limit = planningRows, let (sub, rows) = try context.subsample(limit: limit) else {
            return try greedy(context, budget: budget, progress: progress)
        }
        let all = context.instance.train.count
        progress("greedy-retrain: planning on \(rows.count) of \(all) training rows (every candidate and \(limit) others, seeded)")
        var plan = try greedy(sub, budget: budget, progress: progress)
        plan.flips = plan.flips.map { rows[$0] }
        plan.diagnostics["planningRows"] = Double(rows.count)
        plan.notes.append("planned on a seeded subsample: every candidate and \(limit) other training rows (\(rows.count) of \(all)); "
                          + "the greedy's metrics are the subsample's (candidates over-represented), so the plan is judged by "
                          + "retraining on the whole split")
        return plan
    }

    /// A trial as the greedy ranks it.
    private struct Ranked {
        var row: Int
        /// The real training metric (NaN as +infinity).
        var metric: Double
        /// The smoothed metric, for ties.
        var smooth: Double

        /// Lower metric first; metrics equal up to round-off (the same counts summed in another
        /// order) tie, then the lower smoothed metric, then the lower row.
        func beats(_ other: Ranked) -> Bool {
            if abs(metric - other.metric) > 1e-12 { return metric < other.metric }
            return smooth < other.smooth || (smooth == other.smooth && row < other.row)
        }

        static func best(_ trials: [Ranked]) -> Ranked? {
            trials.reduce(nil) { best, t in best.map { t.beats($0) ? t : $0 } ?? t }
        }
    }

    /// The greedy on `context`'s whole training split.
    private func greedy(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        let m = context.candidates.count
        let k = try CandidateRanking.effectiveBudget(budget, candidates: m, method: name)
        let exact = m * k <= exactLimit
        let train = context.instance.train
        let x = train.features
        let smoothed = SmoothedMetric(context: context, temperature: temperature, smoothing: smoothing)
        var throttle = ProgressThrottle(progress)
        func ranked(_ row: Int, scores: [Double]) -> Ranked {
            let audit = FairnessAudit(truth: train.truth, predictions: scores.map { $0 > 0 }, groups: train.groups)
            return Ranked(row: row, metric: CandidateRanking.orderable(audit.value(of: context.metric)),
                          smooth: smoothed.value(scores: scores))
        }

        var labels = train.labels
        var model = context.baseModel
        var scores = model.scores(x)
        var remaining = context.candidates
        var chosen: [Int] = []
        var bestMetric = CandidateRanking.orderable(context.trainingMetric(of: model)), bestLength = 0
        let baseMetric = bestMetric
        var retrains = 0, factorisations = 0, newtonSteps = 0, screenedRounds = 0, agreements = 0
        var cost = ChordRefit.Cost()

        for round in 0..<k {
            let factor = try context.hessianFactor(at: model.parameters)
            factorisations += 1
            var trialRows: [Int]
            var newtonPick: Ranked?
            if exact {
                trialRows = remaining
            } else {
                // The linearised smoothed metric's shortlist, ranked by one Newton step each.
                let screen = ToggleScreen(context: context, smoothed: smoothed, factor: factor, scores: scores,
                                          labels: labels, rows: remaining)
                let short = CandidateRanking.top(shortlist, of: remaining, scores: remaining.indices.map { -screen.value(toggling: $0) })
                let steps = NewtonStepTrials(features: x, scores: scores,
                                             influence: context.influence(of: short, labels: labels, factor: factor))
                newtonPick = Ranked.best(steps.rows.indices.map { ranked(steps.rows[$0], scores: steps.scores($0)) })
                newtonSteps += short.count
                screenedRounds += 1
                trialRows = ranking == .newtonStep ? newtonPick.map { [$0.row] } ?? [] : steps.rows
            }

            // Retrain the trials together, reusing the Hessian factor.
            let refits = ToggleRefits(context: context, labels: labels, start: model.parameters, factor: factor)
            let trials = try refits.fit(toggling: trialRows, threads: threads)
            retrains += trials.count
            for t in trials { cost += t.cost }
            let rankedTrials = trials.map { ranked($0.row, scores: $0.scores) }
            guard let pick = Ranked.best(rankedTrials), let trial = trials.first(where: { $0.row == pick.row }) else { break }
            if let newtonPick, ranking == .newtonStep {
                // The one-step metric of the pick against its retrained metric.
                if abs(newtonPick.metric - pick.metric) <= 1e-12 { agreements += 1 }
            } else if let newtonPick, let own = rankedTrials.first(where: { $0.row == newtonPick.row }) {
                // Would one Newton step have picked a candidate as good as the retrained best?
                if abs(own.metric - pick.metric) <= 1e-12 { agreements += 1 }
            }
            remaining.removeAll { $0 == pick.row }
            labels[pick.row] = 1 - labels[pick.row]
            chosen.append(pick.row)
            model = trial.model
            scores = trial.scores
            if pick.metric < bestMetric - 1e-12 { bestMetric = pick.metric; bestLength = chosen.count }
            throttle.report(force: round == 0, "greedy-retrain: round \(round + 1)/\(k), metric \(ProgressThrottle.format(pick.metric)), "
                            + "best \(ProgressThrottle.format(bestMetric)) at \(bestLength) flips, \(retrains) retrains")
        }
        throttle.report(force: true, "greedy-retrain: done, \(chosen.count) rounds, \(retrains) retrains, \(newtonSteps) Newton-step trials, "
                        + "\(cost.chordSteps) chord steps, \(cost.newtonIterations) Newton iterations")
        var notes: [String]
        if exact {
            notes = ["exact greedy: every remaining candidate retrained each round (\(m) candidates x \(k) rounds <= \(exactLimit)); "
                     + "refits by chord steps with the round's Hessian factor (Newton only as a fallback)"]
        } else {
            let screen = "each round took the \(shortlist) candidates the linearised smoothed metric (sigmoid(s/\(temperature)) rates) "
                + "ranked best (\(m) candidates x \(k) rounds > \(exactLimit): screened)"
            switch ranking {
            case .newtonStep:
                notes = [screen + ", ranked them by their real metric after one Newton step from the current fit and retrained the pick "
                         + "(the path's models are all retrained to tolerance)",
                         "the pick's one-step metric equalled its retrained metric in \(agreements) of \(screenedRounds) rounds"]
            case .retrain:
                notes = [screen + " and retrained each of them",
                         "one Newton step would have picked a candidate as good as the retrained best in \(agreements) of "
                         + "\(screenedRounds) rounds"]
            }
        }
        notes.append("kept the best of \(chosen.count) greedy prefixes by real training metric: \(bestLength) flips")
        return Plan(method: name, flips: Array(chosen.prefix(bestLength)), surrogateMetric: bestMetric,
                    diagnostics: ["rounds": Double(chosen.count), "bestPrefix": Double(bestLength),
                                  "retrains": Double(retrains), "newtonIterations": Double(cost.newtonIterations),
                                  "chordSteps": Double(cost.chordSteps), "newtonFallbacks": Double(cost.fallbacks),
                                  "factorisations": Double(factorisations), "exact": exact ? 1 : 0,
                                  "screen": Double(exact ? m : shortlist), "baseMetric": baseMetric,
                                  "newtonStepTrials": Double(newtonSteps), "newtonAgreements": Double(agreements),
                                  "screenedRounds": Double(screenedRounds)],
                    notes: notes)
    }
}
