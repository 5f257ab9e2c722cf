/// Settings a command or a sweep hands to every planner it runs; each planner applies those it
/// honours (`PlannerCapabilities.settings`) in `Planner.configured(_:)`. Nil leaves the
/// planner's default.
///
/// Values are already valid (the command line checks them; `PlannerSettings.check` says why
/// one is not, in engine words).
public struct PlannerSettings: Sendable, Equatable {
    /// A setting, by name, for capability declarations and messages.
    public enum Key: String, Sendable, CaseIterable, Comparable {
        case target, maxErrorIncrease, timeLimit, relativeGap, solverThreads, nodeLimit, rounds, trustRegion
        case planningRows, tau, margin, acceptanceTau, gradientStart, formulation, threads, shortlist, shortlistRanking

        public static func < (a: Key, b: Key) -> Bool { a.rawValue < b.rawValue }
    }

    /// Target mode: the fewest flips whose retrained training metric is at most this.
    public var target: Double?
    /// Cap on the training error increase (a fraction).
    public var maxErrorIncrease: Double?
    /// Wall-clock limit of a solver's first solve, seconds.
    public var timeLimit: Double?
    /// Relative optimality gap at which a solver stops.
    public var relativeGap: Double?
    /// Threads a MIP solver may use.
    public var solverThreads: Int?
    /// Branch-and-bound nodes per MIP solve at most: a limit that, unlike time, does not depend on
    /// the machine's load.
    public var nodeLimit: Int?
    /// Refinement rounds at most.
    public var rounds: Int?
    /// Label changes per refinement round at most.
    public var trustRegion: Int?
    /// Plan on a seeded subsample of this many training rows.
    public var planningRows: Int?
    /// Temperature of smoothed rates.
    public var tau: Double?
    /// Score margin of the MIP's hard objective.
    public var margin: Double?
    /// Temperature of the smoothed training metric that judges the MIP's retrained plans; 0: the
    /// exact metric.
    public var acceptanceTau: Double?
    /// Whether the gradient plan is a starting point of refinement.
    public var gradientStart: Bool?
    /// Which MIP formulation models the metric.
    public var formulation: MIPPlanner.FormulationKind?
    /// Threads the planner may use for its own parallel work (retrains); the process's thread
    /// budget divided among concurrent plans.
    public var threads: Int?
    /// Candidates a screening greedy retrains per round (its shortlist).
    public var shortlist: Int?
    /// How a screening greedy ranks its shortlist (one Newton step each, or full retrains).
    public var shortlistRanking: GreedyRetrainPlanner.ShortlistRanking?

    public init() {}

    /// The keys whose values are set.
    public var givenKeys: Set<Key> {
        var keys: Set<Key> = []
        if target != nil { keys.insert(.target) }
        if maxErrorIncrease != nil { keys.insert(.maxErrorIncrease) }
        if timeLimit != nil { keys.insert(.timeLimit) }
        if relativeGap != nil { keys.insert(.relativeGap) }
        if solverThreads != nil { keys.insert(.solverThreads) }
        if nodeLimit != nil { keys.insert(.nodeLimit) }
        if rounds != nil { keys.insert(.rounds) }
        if trustRegion != nil { keys.insert(.trustRegion) }
        if planningRows != nil { keys.insert(.planningRows) }
        if tau != nil { keys.insert(.tau) }
        if margin != nil { keys.insert(.margin) }
        if acceptanceTau != nil { keys.insert(.acceptanceTau) }
        if gradientStart != nil { keys.insert(.gradientStart) }
        if formulation != nil { keys.insert(.formulation) }
        if threads != nil { keys.insert(.threads) }
        if shortlist != nil { keys.insert(.shortlist) }
        if shortlistRanking != nil { keys.insert(.shortlistRanking) }
        return keys
    }

    /// The first value out of range and why, in engine words (nil when every value is valid).
    /// The one rule behind both the command line's checks and the engine's.
    public func problem() -> (key: Key, message: String)? {
        typealias Problem = (key: Key, message: String)
        func positive(_ x: Double?, _ key: Key, _ what: String) -> Problem? {
            guard let x, !(x.isFinite && x > 0) else { return nil }
            return (key, "\(what) must be a positive number, got \(x)")
        }
        func atLeast(_ n: Int?, _ low: Int, _ key: Key, _ what: String) -> Problem? {
            guard let n, n < low else { return nil }
            return (key, "\(what) must be at least \(low), got \(n)")
        }
        func nonNegative(_ x: Double?, _ key: Key, _ what: String) -> Problem? {
            guard let x, !(x.isFinite && x >= 0) else { return nil }
            return (key, "\(what) must be a number at least 0, got \(x)")
        }
        let problems: [Problem?] = [
            nonNegative(target, .target, "the target metric"),
            nonNegative(maxErrorIncrease, .maxErrorIncrease, "the error increase cap"),
            positive(timeLimit, .timeLimit, "the solver time limit (seconds)"),
            nonNegative(relativeGap, .relativeGap, "the relative optimality gap"),
            atLeast(solverThreads, 1, .solverThreads, "the solver's threads"),
            atLeast(nodeLimit, 1, .nodeLimit, "the solver's node limit"),
            atLeast(rounds, 0, .rounds, "the refinement rounds"),
            atLeast(trustRegion, 1, .trustRegion, "the label changes per refinement round"),
            atLeast(planningRows, 1, .planningRows, "the planning rows"),
            positive(tau, .tau, "the smoothing temperature"),
            nonNegative(margin, .margin, "the score margin"),
            nonNegative(acceptanceTau, .acceptanceTau, "the acceptance temperature (0: the exact metric)"),
            atLeast(threads, 1, .threads, "the planner's threads"),
            atLeast(shortlist, 1, .shortlist, "the shortlist (candidates retrained per round)"),
        ]
        return problems.lazy.compactMap { $0 }.first
    }
}
