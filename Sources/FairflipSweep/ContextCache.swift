import FairflipData
import FairflipFairness
import FairflipPlanners
import Foundation

/// Planning contexts per (alpha, seed), built once and shared by every method and budget of
/// that collective draw (building one loads the data and trains the base model).
final class ContextCache: @unchecked Sendable {
    private let spec: InstanceSpec
    private let metric: FairnessMetric?
    private let lock = NSLock()
    private var built: [String: Result<PlanningContext, any Error>] = [:]

    init(spec: InstanceSpec, metric: FairnessMetric?) {
        self.spec = spec
        self.metric = metric
    }

    /// The context of a collective draw: the spec with `collective = fraction(alpha, seed)`
    /// (or its own membership column when alpha is nil) and the planner seed.
    func context(alpha: Double?, seed: Int) throws -> PlanningContext {
        let key = "\(alpha.map { String($0) } ?? "spec")|\(seed)"
        lock.lock()
        defer { lock.unlock() }
        if let r = built[key] { return try r.get() }
        let r = Result<PlanningContext, any Error> {
            var s = spec
            if let alpha { s.collective = .fraction(alpha: alpha, seed: UInt64(seed)) }
            return try PlanningContext(instance: try Instance(spec: s), metric: metric, seed: UInt64(seed))
        }
        built[key] = r
        return try r.get()
    }
}
