/// One step of a MIP plan's history: the first solve (round 0) or a refinement round.
public struct RefinementRound: Sendable, Codable, Equatable {
    public var round: Int
    /// Flips in the plan this round proposed.
    public var flips: Int
    /// Labels changed relative to the plan the round started from.
    public var toggles: Int
    /// The formulation's predicted training metric for the proposed plan.
    public var surrogate: Double
    /// The hard linear model's prediction (predicted labels) for the proposed plan.
    public var linearPrediction: Double
    /// The training metric after actually retraining with the proposed plan.
    public var retrained: Double
    /// The training error after retraining.
    public var retrainedError: Double
    /// Whether the proposed plan became the current plan.
    public var accepted: Bool
    /// Why the round ended as it did.
    public var verdict: String
    public var solve: SolveRecord?
}

/// How a `--target` search went: probes of budgets, the smallest budget that reached the target.
public struct TargetOutcome: Sendable, Codable, Equatable {
    public struct Probe: Sendable, Codable, Equatable {
        /// `surrogate`: the first linearisation's fewest-flips plan, retrained as it is;
        /// `budget`: the full planner (solve and refine) at this budget.
        public var kind: String
        public var budget: Int
        public var flips: Int
        public var retrained: Double
        public var reached: Bool
    }
    public var target: Double
    /// Whether a plan whose retrained training metric is at most the target was found.
    public var reached: Bool
    /// Flips the surrogate (first linearisation) says are needed, if it can reach the target at all.
    public var surrogateFlips: Int?
    public var probes: [Probe]
}

/// Everything the MIP planner did: the plan, the solves, the refinement rounds.
public struct MIPPlanResult: Sendable, Codable, Equatable {
    /// Where the final plan came from.
    public enum Origin: String, Sendable, Codable, Equatable {
        /// The first solve's solver incumbent.
        case solver
        /// The heuristic start the first solve was given (the solver found nothing better, or
        /// the start retrained better than the solver's plan).
        case start
        /// The gradient method's plan (it retrained better than the first solve).
        case gradient
        /// An accepted refinement round.
        case refinement
        /// No solve: the target is met without flips.
        case none
    }

    /// The final plan (training-row indices).
    public var plan: Plan
    public var formulation: String
    public var budget: Int
    public var planningRows: Int
    /// The first solve (on the linearisation at the firm's model).
    public var firstSolve: SolveRecord
    /// Round 0 is the first solve; later rounds refine. The last accepted one is the plan.
    public var rounds: [RefinementRound]
    /// The training metric the plan gives after retraining.
    public var retrained: Double
    /// The surrogate's prediction of it (from the round that produced the plan).
    public var surrogate: Double
    /// Where the final plan came from.
    public var origin: Origin
    public var target: TargetOutcome?

    /// The training error the plan gives after retraining.
    public var retrainedError: Double {
        rounds.last { $0.accepted }?.retrainedError ?? .nan
    }

    /// Total CBC wall time, seconds (not encoded).
    public var solverSeconds: Double {
        rounds.reduce(0) { $0 + ($1.solve?.seconds ?? 0) } + (rounds.first?.solve == nil ? firstSolve.seconds : 0)
    }
}
