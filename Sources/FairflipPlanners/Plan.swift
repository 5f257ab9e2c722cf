import FairflipSolver

/// A collective plan: which training rows flip their label, and what the planner expected.
public struct Plan: Sendable, Codable, Equatable {
    /// The method that produced the plan (`mip`, `rb-prob`, ...).
    public var method: String
    /// Training-row indices (into `Instance.train`) that flip, ascending.
    public var flips: [Int]
    /// The planner's own prediction of the training metric after retraining (its surrogate),
    /// when it has one. Reports show it next to the retrained value.
    public var surrogateMetric: Double?
    /// How the solver behind the plan ended, when a solver chose it (typed: sweeps record it
    /// without reading notes).
    public var solver: SolverSummary?
    /// Planner-specific figures worth reporting (retrains, iterations, ...).
    public var diagnostics: [String: Double]
    /// Planner-specific facts in words.
    public var notes: [String]

    public init(method: String, flips: [Int], surrogateMetric: Double? = nil, solver: SolverSummary? = nil,
                diagnostics: [String: Double] = [:], notes: [String] = []) {
        self.method = method
        self.flips = flips.sorted()
        self.surrogateMetric = surrogateMetric
        self.solver = solver
        self.diagnostics = diagnostics
        self.notes = notes
    }
}

/// The solve that decided a plan, in a few typed figures.
public struct SolverSummary: Sendable, Codable, Equatable {
    /// How the solve ended.
    public var status: MIPStatus
    /// Relative gap between the returned objective and the proven bound (0: proven optimal).
    public var gap: Double?
    /// The bound the solver proved.
    public var bound: Double?
    /// Whether the time limit stopped the search (the incumbent was returned).
    public var hitTimeLimit: Bool
    /// The bound at the end of the root node, if the solver reported one.
    public var rootBound: Double?
    /// Where the final plan came from, in the planner's words (MIP: solver, start, gradient, refinement).
    public var origin: String?

    public init(status: MIPStatus, gap: Double? = nil, bound: Double? = nil, hitTimeLimit: Bool = false) {
        self.status = status
        self.gap = gap
        self.bound = bound
        self.hitTimeLimit = hitTimeLimit
    }
}

/// A plan with the planner's record of how it was found (`Planner.recordedPlan`).
public struct RecordedPlan: Sendable {
    public var plan: Plan
    /// The planner's account (solves, refinement rounds, target probes), if it keeps one.
    public var record: PlanRecord?

    public init(plan: Plan, record: PlanRecord?) {
        self.plan = plan
        self.record = record
    }
}

/// What an optimising planner keeps about a plan: its configuration and the history of solves.
public struct PlanRecord: Sendable {
    public var configuration: MIPPlanner.Configuration
    public var result: MIPPlanResult

    public init(configuration: MIPPlanner.Configuration, result: MIPPlanResult) {
        self.configuration = configuration
        self.result = result
    }
}
