/// How a MIP solve ended, in solver-neutral words (backends map their own flags onto it).
public enum MIPStatus: String, Sendable, Codable, Equatable, CaseIterable {
    /// Proven optimal within the relative gap.
    case optimal
    /// A limit stopped the search; the result carries the incumbent.
    case feasible = "stopped-with-incumbent"
    /// A limit stopped the search before any feasible solution was known.
    case noSolution = "no-solution"
    /// Proven infeasible.
    case infeasible
    /// The relaxation is unbounded.
    case unbounded
    /// The solver gave up (numerical trouble, say).
    case abandoned

    /// Whether a result with this status carries a solution.
    public var hasSolution: Bool { self == .optimal || self == .feasible }
}

/// What stopped a search before it proved optimality.
public enum MIPLimit: String, Sendable, Codable, Equatable {
    /// The solver's own time limit (reported by the solver, e.g. `Cbc_isSecondsLimitReached`).
    case time
    /// The node limit.
    case nodes
    /// The solution-count limit.
    case solutions
    /// The caller's hard deadline: the solve was cut off from outside (a worker process terminated).
    case deadline
}
