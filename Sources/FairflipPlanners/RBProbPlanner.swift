import FairflipData
import FairflipLearning
import FairflipLinearAlgebra

/// Ben-Dov et al.'s probability ranking (`rb-prob`): how likely would the majority's own model
/// give this candidate the favourable label, had the candidate been in the majority?
///
/// A logistic regression (the firm's `C`) is trained on the majority's training rows only and
/// evaluated at each candidate's counterfactual features: in the sensitive attribute's one-hot
/// columns the majority value's column is set to 1 and the others to 0 (when the attribute is
/// not a feature, the features are used as they are). The score is the probability of the
/// candidate's new label (the favourable one for direction `up`); the top `k` flip.
///
/// With a single majority value the counterfactual changes nothing: on majority rows that
/// value's column is constant, so the (regularised) majority model gives it weight 0 and the
/// intercept absorbs it. It matters when several values form the majority.
public struct RBProbPlanner: Planner {
    public let name = "rb-prob"

    public init() {}

    /// The majority value whose one-hot column the counterfactual sets: the majority value
    /// with a column that most training majority rows have (ties to the earlier column);
    /// nil when the sensitive attribute is not a feature.
    public static func counterfactualColumn(_ instance: Instance) -> Int? {
        let train = instance.train
        var best: (index: Int, count: Int)?
        for column in instance.sensitiveColumns where column.group == .majority {
            var count = 0
            for j in 0..<train.count where train.groups[j] == .majority && train.features[j, column.index] == 1 { count += 1 }
            if best == nil || count > best!.count { best = (column.index, count) }
        }
        return best?.index
    }

    /// The given training rows' features with the sensitive attribute set to the majority value.
    public static func counterfactualFeatures(_ instance: Instance, rows: [Int]) -> Matrix {
        var x = instance.train.features.selectingRows(rows)
        guard let target = counterfactualColumn(instance) else { return x }
        for r in 0..<x.rows {
            for column in instance.sensitiveColumns { x[r, column.index] = column.index == target ? 1 : 0 }
        }
        return x
    }

    /// The logistic regression trained on the majority's training rows (true labels, the firm's `C`).
    public static func majorityModel(_ context: PlanningContext) throws -> FittedModel {
        let train = context.instance.train
        let rows = (0..<train.count).filter { train.groups[$0] == .majority }
        guard !rows.isEmpty else { throw PlanningError("rb-prob: the training split has no majority rows") }
        do {
            return try context.learner.fit(train.features.selectingRows(rows), labels: rows.map { train.labels[$0] })
        } catch {
            throw PlanningError("rb-prob: training the majority model failed: \(error)")
        }
    }

    /// Each candidate's score (aligned with `context.candidates`): the majority model's
    /// probability of the candidate's new label at its counterfactual features.
    public static func scores(_ context: PlanningContext) throws -> [Double] {
        let model = try majorityModel(context)
        let p = model.probabilities(counterfactualFeatures(context.instance, rows: context.candidates))
        return zip(p, context.flipTargets).map { prob, target in target == 1 ? prob : 1 - prob }
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        try CandidateRanking.plan(context, budget: budget, method: name, scores: { try Self.scores(context) }) { _ in
            let counterfactual = Self.counterfactualColumn(context.instance).map { "sensitive attribute set to '\(context.instance.featureNames[$0])'" }
                ?? "sensitive attribute not a feature: features as they are"
            return "score: majority-only model's probability of the new label; \(counterfactual)"
        }
    }
}
