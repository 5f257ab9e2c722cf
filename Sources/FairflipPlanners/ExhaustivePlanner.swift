import FairflipConcurrency
import FairflipLearning
import FairflipLinearAlgebra
import Foundation

/// The true optimum on small instances (`exhaustive`): every subset of at most `k` candidates
/// is retrained from the base model (chord steps with the base Hessian factor, Newton as a
/// fallback: `ChordRefit`, converged to the learner's tolerance like `PlanEvaluation`) and its
/// real training metric measured; the lowest wins, the fewest flips and then the first subset
/// in (size, lexicographic) order breaking ties, so the answer does not depend on `workers`.
///
/// It refuses (a `PlanningError`) when there are more than `limit` subsets, before any work.
/// Subsets are shared round-robin among `workers` threads.
public struct ExhaustivePlanner: Planner {
    public let name = "exhaustive"
    /// Subsets at most.
    public let limit: Int
    /// Threads retraining in parallel (default: the active processors).
    public var workers: Int

    public init(limit: Int = 1_000_000, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        precondition(limit > 0, "the limit must be positive")
        self.limit = limit
        self.workers = max(1, workers)
    }

    /// The number of subsets of at most `k` of `m` items, or nil if it exceeds `cap`.
    public static func subsetCount(candidates m: Int, budget k: Int, cap: Int) -> Int? {
        var total = 0, binomial = 1  // C(m, 0)
        for j in 0...max(0, min(k, m)) {
            if j > 0 {
                // C(m, j) = C(m, j-1) * (m - j + 1) / j, exact in integers; stop once past the cap.
                let (product, overflow) = binomial.multipliedReportingOverflow(by: m - j + 1)
                if overflow { return nil }
                binomial = product / j
            }
            total += binomial
            if total > cap { return nil }
        }
        return total
    }

    /// Calls `body` with every subset of 1 to `k` of `0..<m` in (size, lexicographic) order and its ordinal.
    static func forEachSubset(of m: Int, upTo k: Int, _ body: ([Int], Int) throws -> Void) rethrows {
        var ordinal = 0
        for size in stride(from: 1, through: k, by: 1) {
            var index = Array(0..<size)
            while true {
                ordinal += 1
                try body(index, ordinal)
                var p = size - 1
                while p >= 0 && index[p] == m - size + p { p -= 1 }
                if p < 0 { break }
                index[p] += 1
                for q in (p + 1)..<size { index[q] = index[q - 1] + 1 }
            }
        }
    }

    /// What the workers share: the best subset so far, the counts, the first error.
    private struct Tally {
        var best: (metric: Double, ordinal: Int, flips: [Int])
        var evaluated = 0
        var cost = ChordRefit.Cost()
        var error: Error?
        init(baseMetric: Double) { best = (baseMetric, 0, []) }
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        let candidates = context.candidates
        let m = candidates.count
        let k = try CandidateRanking.effectiveBudget(budget, candidates: m, method: name)
        guard let total = Self.subsetCount(candidates: m, budget: k, cap: limit) else {
            throw PlanningError("exhaustive: \(m) candidates with budget \(k) give more than \(limit) subsets; "
                                + "lower the budget, shrink the collective, or raise the limit")
        }
        let base = context.baseModel.parameters
        let factor = try context.hessianFactor(at: base)
        let chord = ChordRefit(context: context)
        let shared = Locked(Tally(baseMetric: CandidateRanking.orderable(context.trainingMetric(of: context.baseModel))))
        let threads = min(workers, max(1, total - 1))
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var throttle = ProgressThrottle(progress)
            var best = (metric: Double.infinity, ordinal: Int.max, flips: [Int]())
            var evaluated = 0
            var cost = ChordRefit.Cost()
            do {
                try Self.forEachSubset(of: m, upTo: k) { index, ordinal in
                    guard ordinal % threads == worker else { return }
                    let flips = index.map { candidates[$0] }
                    let (model, refitCost) = try chord.fit(labels: context.labels(flipping: flips), start: base, factor: factor)
                    evaluated += 1
                    cost += refitCost
                    let metric = CandidateRanking.orderable(context.trainingMetric(of: model))
                    if metric < best.metric { best = (metric, ordinal, flips) }
                    if worker == 0 {
                        throttle.report(force: evaluated == 1, "exhaustive: about \(evaluated * threads)/\(total) subsets, "
                                        + "best of thread 0 \(ProgressThrottle.format(best.metric))")
                    }
                }
            } catch {
                shared.withLock { if $0.error == nil { $0.error = error } }
            }
            shared.withLock { tally in
                tally.evaluated += evaluated
                tally.cost += cost
                if best.metric < tally.best.metric || (best.metric == tally.best.metric && best.ordinal < tally.best.ordinal) {
                    tally.best = best
                }
            }
        }
        let tally = shared.withLock { $0 }
        if let error = tally.error { throw error }
        let best = tally.best
        progress("exhaustive: done, \(total) subsets, best \(ProgressThrottle.format(best.metric)) with \(best.flips.count) flips")
        return Plan(method: name, flips: best.flips, surrogateMetric: best.metric,
                    diagnostics: ["subsets": Double(total), "retrains": Double(tally.evaluated),
                                  "newtonIterations": Double(tally.cost.newtonIterations),
                                  "chordSteps": Double(tally.cost.chordSteps), "bestSize": Double(best.flips.count),
                                  "threads": Double(threads)],
                    notes: ["optimal training metric over all \(total) subsets of at most \(k) of \(m) candidates"])
    }
}
