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
    /// - Throws: `UndefinedMetric` when the metric is undefined on the training split (no planner
    ///   can lower it), before any fitting.
    public init(instance: Instance, metric: FairnessMetric? = nil, seed: UInt64 = 0, baseModel: FittedModel? = nil) throws {
        let train = instance.train
        if let undefined = UndefinedMetric(metric: metric ?? instance.metric, truth: train.truth, groups: train.groups,
                                           rows: UndefinedMetric.trainingSplit) {
            throw undefined
        }
        self.instance = instance
        learner = LogisticRegression(C: instance.C)
        self.baseModel = try baseModel ?? Self.fitBaseModel(instance)
        candidates = instance.candidates
        self.metric = metric ?? instance.metric
        self.seed = seed
    }

    /// The firm's model on the instance's true training labels.
    /// - Throws: `InputError` when the fit fails or does not converge (a model that did not
    ///   converge is never a result), naming the training file and, when one stands out, the
    ///   outlying encoded value's line and column (the first place to look).
    public static func fitBaseModel(_ instance: Instance) throws(InputError) -> FittedModel {
        do {
            return try LogisticRegression(C: instance.C).fit(instance.train.features, labels: instance.train.labels)
        } catch {
            let train = instance.train
            let message = "the firm's model (C = \(instance.C)) cannot be trained on the \(train.name) split: \(error)"
            if let extreme = train.mostExtremeValue, abs(extreme.value) >= outlierThreshold {
                let column = instance.featureNames[extreme.column]
                throw InputError(file: train.file(ofRow: extreme.row), line: train.lines[extreme.row], column: column,
                                 message + "; this value is an outlier (\(column) = \(extreme.value) after standardising): "
                                 + "rescale, clip or drop the column")
            }
            throw InputError(file: train.file, message + "; no encoded value stands out, so the classes may be "
                             + "(nearly) separable at this C: lower C (\(instance.origin))")
        }
    }

    /// Standardised values at least this far from zero count as outliers in fit diagnostics.
    static let outlierThreshold = 10.0

    /// Training labels with the given rows flipped (`y -> 1 - y`).
    public func labels(flipping rows: [Int]) -> [Double] {
        var y = instance.train.labels
        for i in rows { y[i] = 1 - y[i] }
        return y
    }
}
