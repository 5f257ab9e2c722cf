/// Ben-Dov et al.'s distance ranking (`rb-dist`): minus the mean distance from the candidate to
/// its `K` nearest majority rows that carry the candidate's new label (the favourable label
/// for direction `up`). Candidates deep inside the majority's favourable region flip first.
///
/// Neighbours: see `MajorityNeighbours`. When fewer than `K` such rows exist, the mean is over
/// those there are; with none, the score is minus infinity. The top `k` flip; ties by row order.
public struct RBDistPlanner: Planner {
    public let name = "rb-dist"
    /// Neighbours per candidate (`K`).
    public let neighbours: Int

    public init(neighbours: Int = 10) { self.neighbours = MajorityNeighbours.checkedCount(neighbours) }

    /// Each candidate's score (aligned with `context.candidates`): minus the mean distance to
    /// its `K` nearest majority rows labelled with the candidate's new label.
    public func scores(_ context: PlanningContext) -> [Double] {
        MajorityNeighbours.ofCandidates(context, count: neighbours, withNewLabel: true).map { list in
            list.isEmpty ? -.infinity : -list.map(\.distance).reduce(0, +) / Double(list.count)
        }
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        try CandidateRanking.plan(context, budget: budget, method: name, scores: { scores(context) }) { _ in
            "score: minus the mean distance to the \(neighbours) nearest majority rows with the new label"
        }
    }
}
