import ArgumentParser
import FairflipData
import FairflipFairness
import FairflipPlanners

extension MIPPlanner.FormulationKind: ExpressibleByArgument {}
extension FairnessMetric: ExpressibleByArgument {}

/// Options that define the planning problem itself (shared by `plan` and `export-mps`).
struct ProblemOptions: ParsableArguments {
    @Option(help: "Flips allowed at most: a whole number, or 'all' for every candidate. Required unless --target is given.")
    var budget: String?

    @Option(help: "Target mode: the fewest flips whose retrained training metric is at most this value.")
    var target: Double?

    @Option(help: "The fairness metric to lower (default: the spec's): eqodds, eqodds-max, dp, eqopp.")
    var metric: FairnessMetric?

    @Option(help: "MIP formulation: hard (predicted labels, exact for the linear model) or soft (smoothed rates, small).")
    var formulation: MIPPlanner.FormulationKind = .hard

    @Option(name: .customLong("max-error-increase"),
            help: "Cap the training error increase (a fraction, e.g. 0.01) in the MIP and in refinement.")
    var maxErrorIncrease: Double?

    @Option(name: .customLong("planning-rows"),
            help: "Model the predictions of a seeded subsample of this many training rows (for large data).")
    var planningRows: Int?

    @Option(help: "Random seed (planning-row subsample, CBC's heuristics).")
    var seed: UInt64 = 0

    @Option(help: "Temperature of the soft formulation's smoothed rates sigma(s / tau).")
    var tau: Double = 0.5

    @Option(help: "Score margin of the hard MIP: a prediction only counts as changed once its linear score moves past +-margin (0: exact).")
    var margin: Double = 0

    /// The budget as a number of flips, checked against the candidates.
    func resolvedBudget(candidates: Int) throws -> Int {
        guard let budget else {
            if target != nil { return candidates }
            throw PlanningError("give --budget K (or --budget all) or --target T")
        }
        if budget == "all" { return candidates }
        guard let k = Int(budget) else {
            throw PlanningError("--budget must be a whole number of flips or 'all', got '\(budget)'")
        }
        guard k >= 0 else { throw PlanningError("the budget must be at least 0 flips, got \(k)") }
        guard k <= candidates else {
            throw PlanningError("the budget \(k) exceeds the \(candidates) candidates (collective members who may flip); "
                                + "lower it, or pass --budget all to plan with all \(candidates) of them")
        }
        return k
    }
}

/// Options of the CBC search and the refinement (`plan` only).
struct SearchOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), help: "CBC wall-clock limit of the first MIP solve, seconds (refinement rounds: a third, at least 10); the incumbent is kept.")
    var timeLimit: Double = 60

    @Option(help: "Relative optimality gap at which CBC stops.")
    var gap: Double = 1e-4

    @Option(help: "Threads CBC may use (1 keeps runs reproducible).")
    var threads: Int = 1

    @Option(help: "Refinement rounds at most (0: the first solve only).")
    var rounds: Int = 5

    @Option(name: .customLong("trust-region"), help: "Label changes per refinement round at most (default: max(4, budget/4)).")
    var trustRegion: Int?

    @Flag(name: .customLong("no-gradient-start"),
          help: "Do not retrain the gradient method's plan as a candidate starting point for refinement.")
    var noGradientStart = false
}

extension MIPPlanner.Configuration {
    init(problem: ProblemOptions, search: SearchOptions?) {
        self.init()
        formulation = problem.formulation
        maxErrorIncrease = problem.maxErrorIncrease
        target = problem.target
        planningRows = problem.planningRows
        tau = problem.tau
        margin = problem.margin
        if let search {
            timeLimit = search.timeLimit
            relativeGap = search.gap
            threads = search.threads
            rounds = search.rounds
            trustRegion = search.trustRegion
            gradientStart = !search.noGradientStart
        }
    }
}
