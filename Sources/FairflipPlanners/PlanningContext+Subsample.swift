import FairflipData
import FairflipLinearAlgebra

extension PlanningContext {
    /// A context over a seeded subsample of the training rows, for heuristics that retrain many
    /// times (the MIP's gradient start) on large data: every candidate, plus `limit` other
    /// training rows drawn with the context's seed. Its base model is fitted on those rows.
    ///
    /// Plans made on it name subsample rows; `rows` maps them back to training rows. The
    /// candidates are over-represented in the subsample, so its metric is a heuristic's guide,
    /// never a result: plans found on it must be judged by retraining on the whole split.
    /// Returns nil when the split is not larger than the subsample would be.
    public func subsample(limit: Int) throws -> (context: PlanningContext, rows: [Int])? {
        let train = instance.train
        let candidateSet = Set(candidates)
        let others = (0..<train.count).filter { !candidateSet.contains($0) }
        guard others.count > limit else { return nil }
        var rng = SeededGenerator(seed: seed ^ 0x5CA1_AB1E_D00D_F00D)
        let rows = (candidates + rng.shuffled(others).prefix(limit)).sorted()
        let position = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($0.element, $0.offset) })
        let split = DataSplit(name: train.name, features: train.features.selectingRows(rows), labels: rows.map { train.labels[$0] },
                              groups: rows.map { train.groups[$0] }, file: train.file, lines: rows.map { train.lines[$0] })
        let sub = Instance(settings: instance.settings, featureNames: instance.featureNames, train: split, test: instance.test,
                           collective: instance.collective.compactMap { position[$0] }, sensitiveColumns: instance.sensitiveColumns)
        return (try PlanningContext(instance: sub, metric: metric, seed: seed), rows)
    }
}
