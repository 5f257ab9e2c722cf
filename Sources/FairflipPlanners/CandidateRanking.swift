/// Picking the best-scored candidates: the last step of every ranking heuristic.
///
/// Rankings must be reproducible, so ties are broken by row order (the lower training-row
/// index wins) rather than by whatever order a sort happens to leave them in.
enum CandidateRanking {
    /// The `count` rows with the highest scores, ties to the lower row index.
    ///
    /// - Parameters:
    ///   - rows: training-row indices, aligned with `scores`.
    ///   - scores: one score per row; higher is better. NaN ranks last.
    static func top(_ count: Int, of rows: [Int], scores: [Double]) -> [Int] {
        precondition(rows.count == scores.count, "one score per row")
        let order = rows.indices.sorted { a, b in
            let sa = scores[a].isNaN ? -Double.infinity : scores[a]
            let sb = scores[b].isNaN ? -Double.infinity : scores[b]
            if sa != sb { return sa > sb }
            return rows[a] < rows[b]
        }
        return order.prefix(max(0, count)).map { rows[$0] }
    }

    /// The budget a planner uses, checked by the engine's `BudgetRule`.
    static func effectiveBudget(_ budget: Int, candidates: Int, method: String) throws(PlanningError) -> Int {
        try BudgetRule.check(budget, candidates: candidates)
        return budget
    }

    /// A ranking heuristic's plan: the `budget` best-scored candidates of `context`, with one
    /// note saying what the score is.
    ///
    /// - Parameters:
    ///   - scores: one score per candidate (aligned with `context.candidates`); only computed
    ///     once the budget is known to be valid.
    ///   - note: the note, given the number of flips.
    static func plan(_ context: PlanningContext, budget: Int, method: String, scores: () throws -> [Double],
                     note: (_ flips: Int) -> String) throws -> Plan {
        let k = try effectiveBudget(budget, candidates: context.candidates.count, method: method)
        let flips = top(k, of: context.candidates, scores: try scores())
        return Plan(method: method, flips: flips, notes: [note(k)])
    }

    /// A metric value for comparisons, with NaN (an undefined rate) the worst possible value.
    @inline(__always)
    static func orderable(_ metric: Double) -> Double { metric.isNaN ? .infinity : metric }
}
