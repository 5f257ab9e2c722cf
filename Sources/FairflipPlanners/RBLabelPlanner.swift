/// Ben-Dov et al.'s label ranking (`rb-label`): how many of the candidate's `K` nearest majority
/// rows carry the label the candidate would flip to (the favourable one for direction `up`).
///
/// Neighbours: see `MajorityNeighbours` (Euclidean, encoded features without the sensitive
/// attribute and the intercept). The top `k` flip; ties by row order.
public struct RBLabelPlanner: Planner {
    public let name = "rb-label"
    /// Neighbours per candidate (`K`).
    public let neighbours: Int

    public init(neighbours: Int = 10) {
        precondition(neighbours > 0, "K must be positive")
        self.neighbours = neighbours
    }

    /// Each candidate's score (aligned with `context.candidates`): the number of its `K`
    /// nearest majority rows whose label is the candidate's new label.
    public func scores(_ context: PlanningContext) -> [Double] {
        let instance = context.instance
        let near = MajorityNeighbours(instance).nearest(
            instance, queries: context.candidates, references: MajorityNeighbours.majorityRows(instance), count: neighbours)
        return zip(near, context.flipTargets).map { list, target in
            Double(list.filter { instance.train.labels[$0.row] == target }.count)
        }
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        let k = try CandidateRanking.effectiveBudget(budget, candidates: context.candidates.count, method: name)
        let flips = CandidateRanking.top(k, of: context.candidates, scores: scores(context))
        return Plan(method: name, flips: flips,
                    notes: ["score: new-label count among the \(neighbours) nearest majority rows"])
    }
}
