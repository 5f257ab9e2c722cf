import ArgumentParser
import FairflipData
import FairflipFairness
import FairflipPlanners

extension MIPPlanner.FormulationKind: ExpressibleByArgument {}
extension FairnessMetric: ExpressibleByArgument {}
extension GreedyRetrainPlanner.ShortlistRanking: ExpressibleByArgument {}

/// A budget on the command line: a whole number of flips, or `all` candidates.
enum BudgetArgument: Equatable, CustomStringConvertible {
    case flips(Int)
    case all

    /// Parses `--budget`'s value; a bad one is a usage error saying what is expected.
    static func parse(_ argument: String) throws -> BudgetArgument {
        if argument == "all" { return .all }
        guard let k = Int(argument) else { throw ValidationError("expected a whole number of flips or 'all'") }
        guard k >= 0 else { throw ValidationError("the budget must be at least 0 flips, got \(k)") }
        return .flips(k)
    }

    var description: String {
        switch self {
        case .flips(let k): return "\(k)"
        case .all: return "all"
        }
    }
}

/// A `--method` value: one registered planner, or `all` of them.
enum MethodChoice {
    case one(any Planner)
    case all

    /// Parses `--method`'s value; an unknown name is a usage error listing the known ones.
    static func parse(_ argument: String) throws -> MethodChoice {
        if argument == "all" { return .all }
        guard let planner = PlannerRegistry.planner(named: argument) else {
            throw ValidationError("unknown method; available: \(PlannerRegistry.names.joined(separator: ", ")), all")
        }
        return .one(planner)
    }
}

/// Options that define the planning problem itself (shared by `plan` and `export-mps`).
struct ProblemOptions: ParsableArguments {
    @Option(parsing: .unconditional,
            help: "Flips allowed at most: a whole number, or 'all' for every candidate. Required unless --target is given.",
            transform: BudgetArgument.parse)
    var budget: BudgetArgument?

    @Option(parsing: .unconditional, help: "Target mode: the fewest flips whose retrained training metric is at most this value.")
    var target: Double?

    @Option(help: "The fairness metric to lower (default: the spec's).")
    var metric: FairnessMetric?

    @Option(help: "How the MIP models the metric: with predicted labels, exact for the linear model (hard; the default), or with smoothed rates, small and coarser (soft).")
    var formulation: MIPPlanner.FormulationKind?

    @Option(name: .customLong("max-error-increase"), parsing: .unconditional,
            help: "Cap the training error increase (a fraction, e.g. 0.01) in the MIP and in refinement.")
    var maxErrorIncrease: Double?

    @Option(name: .customLong("planning-rows"), parsing: .unconditional,
            help: "For large data: the MIP models the predictions of a seeded subsample of this many training rows, and its gradient start and greedy-retrain plan on every candidate plus this many other rows (their plans are judged by retraining on the whole split).")
    var planningRows: Int?

    @Option(help: "Random seed (planning-row subsample, CBC's heuristics).")
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Temperature of the soft formulation's smoothed rates sigma(s / tau) (default: 0.5).")
    var tau: Double?

    @Option(parsing: .unconditional,
            help: "Score margin of the hard MIP: a prediction only counts as changed once its linear score moves past +-margin (default: 0: exact).")
    var margin: Double?

    @Option(name: .customLong("accept-tau"), parsing: .unconditional, help: PlannerSettings.acceptTauHelp)
    var acceptTau: Double?

    func validate() throws { try settings.checked() }

    /// The options as planner settings.
    var settings: PlannerSettings {
        var s = PlannerSettings()
        s.target = target
        s.maxErrorIncrease = maxErrorIncrease
        s.planningRows = planningRows
        s.tau = tau
        s.margin = margin
        s.acceptanceTau = acceptTau
        s.formulation = formulation
        return s
    }

    /// The budget as a number of flips, by the engine's `BudgetRule`.
    func resolvedBudget(candidates: Int) throws -> Int {
        guard let budget else {
            if target != nil { return candidates }
            throw ValidationError("give --budget K (or --budget all) or --target T")
        }
        guard case .flips(let k) = budget else { return candidates }
        do { try BudgetRule.check(k, candidates: candidates) } catch {
            throw PlanningError("\(error.message); lower --budget, or pass --budget all to plan with all \(candidates) of them")
        }
        return k
    }
}

/// Options of the CBC search and the refinement (`plan` only).
struct SearchOptions: ParsableArguments {
    @Option(name: .customLong("time-limit"), parsing: .unconditional,
            help: "Wall-clock limit of the whole MIP plan in seconds (default: 60): start heuristics, the first solve, the gradient start and the refinement rounds share it; the best plan found is kept. With --method all: of the whole command (see the overview).")
    var timeLimit: Double?

    @Option(parsing: .unconditional, help: "Relative optimality gap at which CBC stops (default: 1e-4).")
    var gap: Double?

    @Option(parsing: .unconditional, help: "Threads CBC may use (default: 1, which keeps runs reproducible).")
    var threads: Int?

    @Option(name: .customLong("node-limit"), parsing: .unconditional,
            help: "Branch-and-bound nodes per MIP solve at most (default: none). With a --time-limit that does not bind, the plan is the same on every run whatever the machine's load.")
    var nodeLimit: Int?

    @Option(parsing: .unconditional, help: "Refinement rounds at most (default: 5; 0: the first solve only).")
    var rounds: Int?

    @Option(name: .customLong("trust-region"), parsing: .unconditional,
            help: "Label changes per refinement round at most (default: max(4, budget/4)).")
    var trustRegion: Int?

    @Flag(name: .customLong("no-gradient-start"),
          help: "Do not retrain the gradient method's plan as a candidate starting point for refinement.")
    var noGradientStart = false

    func validate() throws {
        var s = PlannerSettings()
        apply(to: &s)
        try s.checked()
    }

    /// Adds the options to planner settings.
    func apply(to s: inout PlannerSettings) {
        s.timeLimit = timeLimit
        s.relativeGap = gap
        s.solverThreads = threads
        s.nodeLimit = nodeLimit
        s.rounds = rounds
        s.trustRegion = trustRegion
        s.gradientStart = noGradientStart ? false : nil
    }
}

extension PlannerSettings {
    /// The command-line flag of each setting, for messages.
    static let flags: [Key: String] = [
        .target: "--target", .maxErrorIncrease: "--max-error-increase", .timeLimit: "--time-limit", .relativeGap: "--gap",
        .solverThreads: "--threads", .nodeLimit: "--node-limit", .rounds: "--rounds", .trustRegion: "--trust-region", .planningRows: "--planning-rows",
        .tau: "--tau", .margin: "--margin", .acceptanceTau: "--accept-tau", .gradientStart: "--no-gradient-start", .formulation: "--formulation",
        .threads: "--threads", .shortlist: "--shortlist", .shortlistRanking: "--shortlist-ranking",
    ]

    /// `--shortlist`'s help, the same in `plan` and `sweep`.
    static let shortlistHelp = ArgumentHelp(
        "greedy-retrain: candidates ranked per round when the greedy screens (default: 10; it retrains every candidate when candidates x budget <= 5000).")

    /// `--accept-tau`'s help, the same in `plan` and `sweep`.
    static let acceptTauHelp = ArgumentHelp(
        "How the MIP judges retrained plans (refinement rounds, its starts, the gradient plan): by the retrained model's training metric smoothed with sigma(s / tau) rates at this temperature (default: 0.3; in the README's benchmark it ties with the exact metric on unseen data, and only with it is the MIP never significantly worse than a rival); 0: by the exact training metric, the in-sample objective. Reported metrics are exact either way.")

    /// `--shortlist-ranking`'s help.
    static let shortlistRankingHelp = ArgumentHelp(
        "greedy-retrain: how a screened round ranks its shortlist: newton-step (the real metric after one Newton step from the current fit; the default) or retrain (after retraining each to tolerance; slower, and its notes say how often one Newton step would have picked as well). The pick is retrained either way.")

    /// Throws a usage error naming the flag when a value is out of range (the engine's rule, `problem()`).
    func checked(flags: [Key: String] = flags) throws {
        if let problem = problem() { throw ValidationError("\(flags[problem.key] ?? problem.key.rawValue): \(problem.message)") }
    }

    /// Refuses settings `planner` does not honour, naming the flags and the methods that do.
    func refuseUnsupported(by planner: any Planner, among registry: [any Planner], flags: [Key: String] = flags) throws {
        let unsupported = givenKeys.subtracting(planner.capabilities.settings).sorted()
        guard let first = unsupported.first else { return }
        let flagList = unsupported.compactMap { flags[$0] }.joined(separator: ", ")
        let takers = registry.filter { $0.capabilities.settings.contains(first) }.map(\.name)
        let hint = takers.isEmpty ? "" : " (\(flags[first] ?? first.rawValue) is taken by: \(takers.joined(separator: ", ")))"
        throw ValidationError("method \(planner.name) does not take \(flagList)\(hint)")
    }
}

extension MIPPlanner.Configuration {
    /// The MIP's configuration from the command line's options.
    init(problem: ProblemOptions, search: SearchOptions?) {
        var settings = problem.settings
        search?.apply(to: &settings)
        self = MIPPlanner.Configuration().applying(settings)
    }
}
