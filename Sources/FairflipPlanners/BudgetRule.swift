/// The engine's one budget rule, applied by every planner, `fairflip plan` and sweeps alike: a
/// budget is a number of flips from 0 to the number of candidates (collective members who may
/// flip). A larger budget is refused rather than quietly lowered, so that no result reports a
/// budget its plan could not use.
public enum BudgetRule {
    /// Throws, in engine words, when `budget` is outside `0...candidates`.
    public static func check(_ budget: Int, candidates: Int) throws(PlanningError) {
        guard budget >= 0 else { throw PlanningError("the budget must be at least 0 flips, got \(budget)") }
        guard budget <= candidates else {
            throw PlanningError("the budget \(budget) exceeds the \(candidates) candidates (collective members who may flip)")
        }
    }
}
