import FairflipLearning

/// The true optimum on small instances (`exhaustive`): every subset of at most `k` candidates
/// is retrained (warm-started from the base model, exactly as `PlanEvaluation` does) and its
/// real training metric measured; the lowest wins, the fewest flips and then the first subset
/// in (size, lexicographic) order breaking ties.
///
/// It refuses (a `PlanningError`) when there are more than `limit` subsets, before any work.
public struct ExhaustivePlanner: Planner {
    public let name = "exhaustive"
    /// Subsets at most.
    public let limit: Int

    public init(limit: Int = 1_000_000) {
        precondition(limit > 0, "the limit must be positive")
        self.limit = limit
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

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        let candidates = context.candidates
        let m = candidates.count
        let k = try CandidateRanking.effectiveBudget(budget, candidates: m, method: name)
        guard let total = Self.subsetCount(candidates: m, budget: k, cap: limit) else {
            throw PlanningError("exhaustive: \(m) candidates with budget \(k) give more than \(limit) subsets; "
                                + "lower the budget, shrink the collective, or raise the limit")
        }
        var throttle = ProgressThrottle(progress)
        let base = context.baseModel.parameters
        var best = (flips: [Int](), metric: comparable(context.trainingMetric(of: context.baseModel)))
        var evaluated = 1, newton = 0
        for size in 1...max(1, k) where size <= k {
            var index = Array(0..<size)
            while true {
                let flips = index.map { candidates[$0] }
                let model = try context.retrain(labels: context.labels(flipping: flips), from: base)
                evaluated += 1
                newton += model.iterations
                let metric = comparable(context.trainingMetric(of: model))
                if metric < best.metric { best = (flips, metric) }
                throttle.report(force: evaluated == 2, "exhaustive: \(evaluated)/\(total) subsets, best \(fmt(best.metric)) "
                                + "with \(best.flips.count) flips")
                // Next combination in lexicographic order.
                var p = size - 1
                while p >= 0 && index[p] == m - size + p { p -= 1 }
                if p < 0 { break }
                index[p] += 1
                for q in (p + 1)..<size { index[q] = index[q - 1] + 1 }
            }
        }
        throttle.report(force: true, "exhaustive: done, \(evaluated) subsets")
        return Plan(method: name, flips: best.flips, surrogateMetric: best.metric,
                    diagnostics: ["subsets": Double(total), "retrains": Double(evaluated - 1),
                                  "newtonIterations": Double(newton), "bestSize": Double(best.flips.count)],
                    notes: ["optimal training metric over all \(total) subsets of at most \(k) of \(m) candidates"])
    }
}
