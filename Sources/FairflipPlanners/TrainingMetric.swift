import FairflipFairness
import FairflipLearning

extension PlanningContext {
    /// The real fairness metric of `model` on the training split, against the true labels:
    /// what exhaustive search minimises and what greedy-retrain ranks flips by.
    public func trainingMetric(of model: FittedModel) -> Double {
        let train = instance.train
        return FairnessAudit(truth: train.truth, predictions: model.predictions(train.features), groups: train.groups)
            .value(of: metric)
    }
}
