/// Ben-Dov et al.'s label ranking (`rb-label`): how many of the candidate's `K` nearest majority
/// rows carry the label the candidate would flip to (the favourable one for direction `up`).
///
/// Neighbours: see `MajorityNeighbours` (Euclidean, encoded features without the sensitive
/// attribute and the intercept). The top `k` flip; ties by row order.
public struct RBLabelPlanner: Planner {
    public let name = "rb-label"
    /// Neighbours per candidate (`K`).
    public let neighbours: Int

    public init(neighbours: Int = 10) { self.neighbours = MajorityNeighbours.checkedCount(neighbours) }

    /// Each candidate's score (aligned with `context.candidates`): the number of its `K`
    /// nearest majority rows whose label is the candidate's new label.
    public func scores(_ context: PlanningContext) -> [Double] {
        let labels = context.instance.train.labels
        let near = MajorityNeighbours.ofCandidates(context, count: neighbours, withNewLabel: false)
        return zip(near, context.flipTargets).map { list, target in Double(list.filter { labels[$0.row] == target }.count) }
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        try CandidateRanking.plan(context, budget: budget, method: name, scores: { scores(context) }) { _ in
            "score: new-label count among the \(neighbours) nearest majority rows"
        }
    }
}
