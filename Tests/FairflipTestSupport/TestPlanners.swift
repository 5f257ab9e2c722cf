import FairflipPlanners
import FairflipSolver

/// Flips the first k candidates (deterministic, no surrogate).
public struct FirstK: Planner {
    public var name = "first-k"
    /// Whether it declares itself the demo's preferred method.
    public var preferredForDemo = false
    public init() {}
    public var capabilities: PlannerCapabilities { PlannerCapabilities(preferredForDemo: preferredForDemo) }
    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        Plan(method: name, flips: Array(context.candidates.prefix(budget)),
             solver: SolverSummary(status: .optimal, gap: 0.25), diagnostics: ["rounds": 3],
             notes: ["note with, a comma and \"quotes\""])
    }
}

/// Flips the last k candidates in an order shuffled by the context's seed, and predicts a value.
public struct LastKSeeded: Planner {
    public var name = "last-k"
    public init() {}
    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        var order = context.candidates
        if !order.isEmpty { order.rotate(by: Int(context.seed) % order.count) }
        return Plan(method: name, flips: Array(order.suffix(budget)), surrogateMetric: 0.1 + 0.01 * Double(budget))
    }
}

/// Refuses budgets above 2, as exhaustive search refuses large ones.
public struct Refusing: Planner {
    public var name = "refusing"
    public init() {}
    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        guard budget <= 2 else { throw PlanningError("budget \(budget) is too large\nfor this planner") }
        return Plan(method: name, flips: Array(context.candidates.prefix(budget)))
    }
}

extension Array {
    mutating func rotate(by k: Int) {
        guard !isEmpty else { return }
        let s = ((k % count) + count) % count
        self = Array(self[s...] + self[..<s])
    }
}
