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
    private let lock = NSLock()
    /// The encoded splits and the base model, built by the first draw; guarded by `sharedLock`.
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
    init(spec: InstanceSpec, metric: FairnessMetric?, cells: [SweepCell]) {
        self.spec = spec
        self.metric = metric
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
    /// (or its own membership column when alpha is nil) and the planner seed.
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
            let (data, baseModel) = try sharedData()
            let instance = try alpha.map { data.drawCollective(alpha: $0, seed: UInt64(seed)) }
                ?? data.instance(collective: spec.collective)
            return try PlanningContext(instance: instance, metric: metric, seed: UInt64(seed), baseModel: baseModel)
        }
        entry.result = r
        return try r.get()
    }

    /// The encoded splits and the base model every draw shares; built once.
    private func sharedData() throws -> (data: EncodedData, baseModel: FittedModel) {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let shared { return try shared.get() }
        let r = Result<(data: EncodedData, baseModel: FittedModel), any Error> {
            let data = try DataTable(spec: spec).split().encoded()
            return (data, try PlanningContext(instance: data.instance(collective: [])).baseModel)
        }
        shared = r
        return try r.get()
    }
}
