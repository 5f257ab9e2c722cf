import FairflipData
import FairflipFairness
import FairflipPlanners
import Foundation

/// Planning contexts per (alpha, seed), built once and shared by every method and budget of
/// that collective draw (building one loads the data and trains the base model). A context is
/// dropped once every cell that needs it has finished, so a long sweep on a large instance
/// holds only the draws in progress.
final class ContextCache: @unchecked Sendable {
    private let spec: InstanceSpec
    private let metric: FairnessMetric?
    private let splitSeeds: Bool
    private let lock = NSLock()
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
    /// the spec's one data file is also split with `split_seed` = seed.
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
            var s = spec
            if let alpha { s.collective = .fraction(alpha: alpha, seed: UInt64(seed)) }
            if splitSeeds, case .single(let file, let fraction, _) = s.source {
                s.source = .single(file: file, testFraction: fraction, splitSeed: UInt64(seed))
            }
            return try PlanningContext(instance: try Instance(spec: s), metric: metric, seed: UInt64(seed))
        }
        entry.result = r
        return try r.get()
    }
}
