/// What a solve produced.
public struct MIPSolution: Sendable {
    /// How the solve ended.
    public enum Status: String, Sendable, Codable {
        /// Proven optimal within the relative gap.
        case optimal
        /// A limit stopped the search; `values` is the incumbent.
        case stoppedWithIncumbent = "stopped-with-incumbent"
        /// A limit stopped the search before any feasible solution.
        case noSolution = "no-solution"
        case infeasible
        case unbounded
        /// CBC gave up (numerical trouble, say).
        case abandoned
    }

    public var status: Status
    /// The solution (one value per column), or empty when there is none.
    public var values: [Double]
    /// Objective of `values`, or NaN when there is none.
    public var objective: Double
    /// The best bound CBC proved.
    public var bound: Double
    /// Wall time of the solve, seconds.
    public var seconds: Double

    /// Whether a solution is available.
    public var hasSolution: Bool { !values.isEmpty }

    /// The relative gap `|objective - bound| / max(1e-10, |objective|)`, or NaN without a solution.
    public var gap: Double {
        guard hasSolution else { return .nan }
        return abs(objective - bound) / max(1e-10, abs(objective))
    }
}
