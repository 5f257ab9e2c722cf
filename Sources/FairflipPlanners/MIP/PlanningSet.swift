import FairflipData
import FairflipFairness
import FairflipLinearAlgebra

/// The rows whose predictions the MIP models: the training split, or a seeded subsample of it
/// for large data. Metrics on them use the original (true) labels.
public struct PlanningSet: Sendable {
    /// Training-row indices, ascending.
    public let rows: [Int]
    /// Their encoded features.
    public let features: Matrix
    /// Their true labels.
    public let truth: [Bool]
    /// Their groups.
    public let groups: [Group]
    /// Their row names, for names in models and files: the CSV line, or `t<line>` for a row of
    /// a spec's test file after a pooled re-split (`RowProvenance`).
    public let names: [String]
    /// Row names of every training row (candidates may lie outside a subsample).
    public let trainNames: [String]

    /// All training rows, or `limit` of them drawn with `seed` (sorted) when `limit` is smaller.
    public init(instance: Instance, limit: Int?, seed: UInt64) {
        let n = instance.train.count
        var rows = Array(0..<n)
        if let limit, limit < n {
            var rng = SeededGenerator(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
            rows = Array(rng.shuffled(rows).prefix(max(0, limit))).sorted()
        }
        self.rows = rows
        features = instance.train.features.selectingRows(rows)
        let truth = instance.train.truth
        let groups = instance.train.groups
        self.truth = rows.map { truth[$0] }
        self.groups = rows.map { groups[$0] }
        let all = instance.train.lines.indices.map { instance.train.name(ofRow: $0) }
        trainNames = all
        names = rows.map { all[$0] }
    }

    /// Number of planning rows.
    public var count: Int { rows.count }
}
