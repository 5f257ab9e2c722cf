import FairflipConcurrency
import FairflipData
import FairflipFairness
import FairflipLearning
import FairflipPlanners
import Foundation

/// Planning contexts per (alpha, seed), built once and shared by every method and budget of
/// that collective draw. The data files are read, split and encoded once, and the base model
/// trained once, for the whole sweep (neither depends on the collective); each draw only
/// re-draws the collective in memory. A context is dropped once every cell that needs it has
/// finished, so a long sweep on a large instance holds only the draws in progress.
final class ContextCache: Sendable {
    private let spec: InstanceSpec
    private let metric: FairnessMetric?
    private let splitSeeds: Bool
    /// The draws in progress and the cells each still has to finish.
    private let draws: Locked<Draws>
    /// What every draw shares, built by the first draw that needs it.
    private let shared = Locked(Shared())

    /// One draw's context, built by the first thread that asks; others wait for it alone.
    private typealias Entry = Locked<Result<PlanningContext, any Error>?>

    private struct Draws {
        var entries: [String: Entry] = [:]
        /// Cells still to finish, per draw.
        var pending: [String: Int] = [:]
    }

    private struct Shared {
        /// The data table, read by the first draw.
        var table: Result<DataTable, any Error>?
        /// The spec's split encoded and its base model, built by the first draw.
        var split: Result<(data: EncodedData, baseModel: FittedModel), any Error>?
    }

    /// A cache for the given cells (which say how long each draw is needed).
    init(spec: InstanceSpec, metric: FairnessMetric?, splitSeeds: Bool = false, cells: [SweepCell]) {
        self.spec = spec
        self.metric = metric
        self.splitSeeds = splitSeeds
        var pending: [String: Int] = [:]
        for c in cells { pending[Self.key(c.alpha, c.seed), default: 0] += 1 }
        draws = Locked(Draws(pending: pending))
    }

    private static func key(_ alpha: Double?, _ seed: Int) -> String {
        "\(alpha.map { String($0) } ?? "spec")|\(seed)"
    }

    /// Marks one cell of a draw finished; the draw's context is dropped after its last cell.
    func release(alpha: Double?, seed: Int) {
        let key = Self.key(alpha, seed)
        draws.withLock { draws in
            draws.pending[key, default: 0] -= 1
            if draws.pending[key]! <= 0 { draws.entries[key] = nil }
        }
    }

    /// The context of a collective draw: the spec with `collective = fraction(alpha, seed)`
    /// (or its own membership column when alpha is nil) and the planner seed; with split seeds,
    /// the spec's rows (its one file's, or its train and test files' pooled) are also re-split
    /// with `split_seed` = seed, at the spec's test share.
    func context(alpha: Double?, seed: Int) throws -> PlanningContext {
        let key = Self.key(alpha, seed)
        let entry = draws.withLock { draws in
            let entry = draws.entries[key] ?? Entry(nil)
            draws.entries[key] = entry
            return entry
        }
        return try entry.withLock { result in
            if let r = result { return try r.get() }
            let r = Result<PlanningContext, any Error> {
                let (data, baseModel) = try splitData(seed: seed)
                let instance = try alpha.map { data.drawCollective(alpha: $0, seed: UInt64(seed)) }
                    ?? data.instance(collective: spec.collective)
                return try PlanningContext(instance: instance, metric: metric, seed: UInt64(seed), baseModel: baseModel)
            }
            result = r
            return try r.get()
        }
    }

    /// The data table (files read, rows selected), read once for the whole sweep.
    private func dataTable() throws -> DataTable {
        try shared.withLock { shared in
            if let table = shared.table { return try table.get() }
            let r = Result<DataTable, any Error> { try DataTable(spec: spec) }
            shared.table = r
            return try r.get()
        }
    }

    /// The encoded splits and the base model of a seed: with split seeds, the table split with
    /// that seed (encoders and base model fitted on its training rows); otherwise the spec's
    /// split, shared by every draw and built once.
    private func splitData(seed: Int) throws -> (data: EncodedData, baseModel: FittedModel) {
        let table = try dataTable()
        if splitSeeds {
            return try Self.encoded(table.split(testFraction: table.specTestFraction, seed: UInt64(seed)))
        }
        return try shared.withLock { shared in
            if let split = shared.split { return try split.get() }
            let r = Result<(data: EncodedData, baseModel: FittedModel), any Error> { try Self.encoded(table.split()) }
            shared.split = r
            return try r.get()
        }
    }

    /// Encodes a split and trains the firm's base model on it.
    private static func encoded(_ rows: TrainTestRows) throws -> (data: EncodedData, baseModel: FittedModel) {
        let data = try rows.encoded()
        return (data, try PlanningContext(instance: data.instance(collective: [])).baseModel)
    }
}
