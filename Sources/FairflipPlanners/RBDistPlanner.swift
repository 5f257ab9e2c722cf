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

    public init(neighbours: Int = 10) {
        precondition(neighbours > 0, "K must be positive")
        self.neighbours = neighbours
    }

    /// Each candidate's score (aligned with `context.candidates`): minus the mean distance to
    /// its `K` nearest majority rows labelled with the candidate's new label.
    public func scores(_ context: PlanningContext) -> [Double] {
        let instance = context.instance
        let search = MajorityNeighbours(instance)
        let targets = context.flipTargets
        var scores = [Double](repeating: -.infinity, count: targets.count)
        for label in [0.0, 1.0] {
            let positions = targets.indices.filter { targets[$0] == label }
            guard !positions.isEmpty else { continue }
            let near = search.nearest(instance, queries: positions.map { context.candidates[$0] },
                                      references: MajorityNeighbours.majorityRows(instance, label: label), count: neighbours)
            for (p, list) in zip(positions, near) where !list.isEmpty {
                scores[p] = -list.map(\.distance).reduce(0, +) / Double(list.count)
            }
        }
        return scores
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        let k = try CandidateRanking.effectiveBudget(budget, candidates: context.candidates.count, method: name)
        let flips = CandidateRanking.top(k, of: context.candidates, scores: scores(context))
        return Plan(method: name, flips: flips,
                    notes: ["score: minus the mean distance to the \(neighbours) nearest majority rows with the new label"])
    }
}
