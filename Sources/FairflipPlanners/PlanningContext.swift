import FairflipData
import FairflipFairness
import FairflipLearning
import FairflipLinearAlgebra

/// What every planner starts from: the instance, the firm's model trained on the true
/// labels, the candidates, the metric to lower and a seed.
///
/// Building a context trains the base model once, so that planners compared at the same
/// budget share it.
public struct PlanningContext: Sendable {
    public let instance: Instance
    /// The firm's learner (the instance's `C`).
    public let learner: LogisticRegression
    /// The firm's model on the unflipped training labels.
    public let baseModel: FittedModel
    /// Training-row indices whose label may flip (collective members, allowed direction), ascending.
    public let candidates: [Int]
    /// The metric planners lower (the instance's unless overridden).
    public let metric: FairnessMetric
    /// Seed for planners that draw at random.
    public let seed: UInt64

    /// Trains the base model (unless given: contexts of one split that differ only in their
    /// collective share it) and lists the candidates.
    public init(instance: Instance, metric: FairnessMetric? = nil, seed: UInt64 = 0, baseModel: FittedModel? = nil) throws {
        self.instance = instance
        learner = LogisticRegression(C: instance.C)
        self.baseModel = try baseModel ?? learner.fit(instance.train.features, labels: instance.train.labels)
        candidates = instance.candidates
        self.metric = metric ?? instance.metric
        self.seed = seed
    }

    /// Training labels with the given rows flipped (`y -> 1 - y`).
    public func labels(flipping rows: [Int]) -> [Double] {
        var y = instance.train.labels
        for i in rows { y[i] = 1 - y[i] }
        return y
    }
}
