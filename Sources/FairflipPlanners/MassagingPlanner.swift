/// Massaging (Kamiran & Calders, 2012) restricted to the collective: the firm's own model
/// decides who is "closest to the other label", and those flip first.
///
/// For direction `up` the label-0 candidates with the highest scores flip; for `down` the
/// label-1 candidates with the lowest scores; for `both`, each candidate is ranked by how
/// close it is to its new label (`s` for label 0, `-s` for label 1).
public struct MassagingPlanner: Planner {
    public let name = "massaging"

    public init() {}

    /// Each candidate's ranking score (aligned with `context.candidates`): the base model's
    /// decision score, signed so that higher means closer to the label the flip gives.
    public static func scores(_ context: PlanningContext) -> [Double] {
        let train = context.instance.train
        let s = context.baseModel.scores(train.features.selectingRows(context.candidates))
        return zip(context.candidates, s).map { i, score in train.labels[i] < 0.5 ? score : -score }
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        try CandidateRanking.plan(context, budget: budget, method: name, scores: { Self.scores(context) }) { k in
            "the \(k) candidates the firm's model scores closest to their new label"
        }
    }
}
