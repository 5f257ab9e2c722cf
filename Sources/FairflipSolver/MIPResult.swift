/// What a solve produced, in solver-neutral terms.
///
/// Objectives and bounds are in the problem's own sense (a maximisation's bound is an upper bound).
public struct MIPResult: Sendable, Codable, Equatable {
    public var status: MIPStatus
    /// The best solution (one value per column, integers snapped), or empty when there is none.
    public var values: [Double]
    /// Objective of `values`, nil without a solution.
    public var objective: Double?
    /// The best bound the solver proved at the end, if any.
    public var bound: Double?
    /// The bound at the end of the root node (after cuts), if the solver reported one.
    public var rootBound: Double?
    /// Whether the solver accepted the given start as a feasible incumbent: nil when no start
    /// was given or the solver did not say.
    public var startAccepted: Bool?
    /// Whether the solver found a solution strictly better than the start (or any solution, without one).
    public var improvedOnStart: Bool
    /// What stopped the search, if a limit did.
    public var stoppedBy: MIPLimit?
    /// Wall time of the solve, seconds.
    public var seconds: Double

    public init(status: MIPStatus, values: [Double] = [], objective: Double? = nil, bound: Double? = nil,
                rootBound: Double? = nil, startAccepted: Bool? = nil, improvedOnStart: Bool = false,
                stoppedBy: MIPLimit? = nil, seconds: Double = 0) {
        self.status = status
        self.values = values
        self.objective = objective
        self.bound = bound
        self.rootBound = rootBound
        self.startAccepted = startAccepted
        self.improvedOnStart = improvedOnStart
        self.stoppedBy = stoppedBy
        self.seconds = seconds
    }

    /// Whether a solution is available.
    public var hasSolution: Bool { !values.isEmpty }

    /// The relative gap `|objective − bound| / max(1e-10, |objective|)`: 0 when proven optimal at
    /// the bound, nil without both an objective and a bound.
    public var gap: Double? {
        guard let objective, let bound else { return nil }
        return Self.gap(objective: objective, bound: bound)
    }

    /// The relative gap between an objective and a bound.
    public static func gap(objective: Double, bound: Double) -> Double {
        let d = abs(objective - bound)
        return d < 1e-9 ? 0 : d / max(1e-10, abs(objective))
    }
}
