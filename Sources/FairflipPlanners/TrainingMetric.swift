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

    /// Retrains the firm's model on `labels` (warm-started), the way every planner measures a plan.
    func refitFirmModel(labels: [Double], from start: [Double]) throws -> FittedModel {
        do {
            return try learner.fit(instance.train.features, labels: labels, warmStart: start)
        } catch {
            throw PlanningError("retraining failed: \(error)")
        }
    }
}
