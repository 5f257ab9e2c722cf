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
final class ContextCache: @unchecked Sendable {
    private let spec: InstanceSpec
    private let metric: FairnessMetric?
    private let splitSeeds: Bool
    private let lock = NSLock()
    /// The data table, read by the first draw; guarded by `sharedLock`.
    private var table: Result<DataTable, any Error>?
    /// The spec's split encoded and its base model, built by the first draw; guarded by `sharedLock`.
    private var shared: Result<(data: EncodedData, baseModel: FittedModel), any Error>?
    private let sharedLock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Cells still to finish, per draw.
    private var pending: [String: Int] = [:]

    /// One draw's context, built by the first thread that asks; others wait for it alone.
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<PlanningContext, any Error>?
    }

    /// A cache for the given cells (which say how long each draw is needed).
    init(spec: InstanceSpec, metric: FairnessMetric?, splitSeeds: Bool = false, cells: [SweepCell]) {
        self.spec = spec
        self.metric = metric
        self.splitSeeds = splitSeeds
        for c in cells { pending[Self.key(c.alpha, c.seed), default: 0] += 1 }
    }

    private static func key(_ alpha: Double?, _ seed: Int) -> String {
        "\(alpha.map { String($0) } ?? "spec")|\(seed)"
    }

    /// Marks one cell of a draw finished; the draw's context is dropped after its last cell.
    func release(alpha: Double?, seed: Int) {
        let key = Self.key(alpha, seed)
        lock.lock()
        defer { lock.unlock() }
        pending[key, default: 0] -= 1
        if pending[key]! <= 0 { entries[key] = nil }
    }

    /// The context of a collective draw: the spec with `collective = fraction(alpha, seed)`
    /// (or its own membership column when alpha is nil) and the planner seed; with split seeds,
    /// the spec's rows (its one file's, or its train and test files' pooled) are also re-split
    /// with `split_seed` = seed, at the spec's test share.
    func context(alpha: Double?, seed: Int) throws -> PlanningContext {
        let key = Self.key(alpha, seed)
        lock.lock()
        let entry = entries[key] ?? Entry()
        entries[key] = entry
        lock.unlock()

        entry.lock.lock()
        defer { entry.lock.unlock() }
        if let r = entry.result { return try r.get() }
        let r = Result<PlanningContext, any Error> {
            let (data, baseModel) = try splitData(seed: seed)
            let instance = try alpha.map { data.drawCollective(alpha: $0, seed: UInt64(seed)) }
                ?? data.instance(collective: spec.collective)
            return try PlanningContext(instance: instance, metric: metric, seed: UInt64(seed), baseModel: baseModel)
        }
        entry.result = r
        return try r.get()
    }

    /// The data table (files read, rows selected), read once for the whole sweep.
    private func dataTable() throws -> DataTable {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let table { return try table.get() }
        let r = Result<DataTable, any Error> { try DataTable(spec: spec) }
        table = r
        return try r.get()
    }

    /// The encoded splits and the base model of a seed: with split seeds, the table split with
    /// that seed (encoders and base model fitted on its training rows); otherwise the spec's
    /// split, shared by every draw and built once.
    private func splitData(seed: Int) throws -> (data: EncodedData, baseModel: FittedModel) {
        let table = try dataTable()
        if splitSeeds {
            return try Self.encoded(table.split(testFraction: table.specTestFraction, seed: UInt64(seed)))
        }
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let shared { return try shared.get() }
        let r = Result<(data: EncodedData, baseModel: FittedModel), any Error> { try Self.encoded(table.split()) }
        shared = r
        return try r.get()
    }

    /// Encodes a split and trains the firm's base model on it.
    private static func encoded(_ rows: TrainTestRows) throws -> (data: EncodedData, baseModel: FittedModel) {
        let data = try rows.encoded()
        return (data, try PlanningContext(instance: data.instance(collective: [])).baseModel)
    }
}
