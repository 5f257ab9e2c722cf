import FairflipFairness
import FairflipLearning

/// A plan judged the only honest way: retrain the firm's model on the flipped labels and
/// measure the real metrics on train and test.
public struct PlanEvaluation: Sendable {
    /// The retrained model.
    public let model: FittedModel
    /// Audit of the retrained model on the training split, against the true (unflipped) labels.
    public let train: FairnessAudit
    /// Audit of the retrained model on the test split.
    public let test: FairnessAudit

    /// Retrains with `plan`'s flips applied (warm-started from the base model) and audits.
    public init(plan: Plan, context: PlanningContext) throws {
        try self.init(flips: plan.flips, context: context)
    }

    /// Retrains with the given training rows flipped and audits.
    public init(flips: [Int], context: PlanningContext) throws {
        let instance = context.instance
        model = try context.retrain(flipping: flips)
        train = FairnessAudit(truth: instance.train.truth, predictions: model.predictions(instance.train.features),
                              groups: instance.train.groups)
        test = FairnessAudit(truth: instance.test.truth, predictions: model.predictions(instance.test.features),
                             groups: instance.test.groups)
    }

    /// The metric on the training split, or why it is undefined there.
    public func trainValue(of metric: FairnessMetric) -> Result<Double, UndefinedMetric> {
        train.definedValue(of: metric, rows: UndefinedMetric.trainingSplit)
    }

    /// The metric on the test split, or why it is undefined there (a test split may lack rows
    /// the training split has).
    public func testValue(of metric: FairnessMetric) -> Result<Double, UndefinedMetric> {
        test.definedValue(of: metric, rows: UndefinedMetric.testSplit)
    }
}
