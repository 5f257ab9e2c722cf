import FairflipFairness
import FairflipLearning
import FairflipLinearAlgebra
import FairflipSolver

/// One planning run's shared state: the planning rows, the linearisation at the firm's model,
/// the error cap, and the steps (first solve, retrain, refine) the MIP planner is made of.
final class PlanningSession {
    let context: PlanningContext
    let configuration: MIPPlanner.Configuration
    /// Who solves the MIPs.
    let backend: any MIPBackend
    /// The whole plan's deadline (`configuration.timeLimit` from the session's start).
    let deadline: Deadline
    /// Wall time of one retrain (measured on the firm's model): kept in reserve after each solve.
    let retrainSeconds: Double
    let progress: @Sendable (String) -> Void
    let planning: PlanningSet
    /// The linearisation at the firm's model (no flips).
    let baseResponse: LinearResponse
    /// Misclassified planning rows allowed, if the error increase is capped.
    let errorCap: Int?
    /// The firm's model, retrained with no flips: training metric and error.
    let base: Retrained
    /// The smoothed metric that judges retrained plans, when `acceptanceTau` is set (never in
    /// target mode: the target is a value of the exact metric).
    let judge: SmoothedMetric?
    /// Optional steps the deadline cut short or skipped, in order, each once: the plan's notes.
    private(set) var timeNotes: [String] = []

    /// Records that the deadline cut short or skipped an optional step (once per kind of step).
    func noteTime(_ note: String) {
        guard !timeNotes.contains(note) else { return }
        timeNotes.append(note)
        progress("mip: \(note)")
    }

    /// A plan judged by retraining.
    struct Retrained {
        var plan: [Bool]
        var evaluation: PlanEvaluation
        var metric: Double
        var error: Double
        /// What plans are compared by: `metric`, or its smoothed form with `acceptanceTau`.
        var judged: Double
    }

    init(context: PlanningContext, configuration: MIPPlanner.Configuration, backend: any MIPBackend = MIPPlanner.defaultBackend,
         progress: @escaping @Sendable (String) -> Void) throws {
        deadline = Deadline(seconds: configuration.timeLimit)
        self.context = context
        self.configuration = configuration
        self.backend = backend
        self.progress = progress
        try Self.validate(configuration)
        let instance = context.instance
        guard !instance.collective.isEmpty else {
            throw PlanningError("the collective is empty: no minority training row is a member (check [collective] in \(instance.origin))")
        }
        guard !context.candidates.isEmpty else {
            let direction = instance.direction.rawValue
            throw PlanningError("no collective member may flip in direction '\(direction)': all \(instance.collective.count) members "
                                + "already have the label that direction leads to")
        }
        planning = PlanningSet(instance: instance, limit: configuration.planningRows, seed: context.seed)
        let none = [Bool](repeating: false, count: context.candidates.count)
        baseResponse = try LinearResponse(context: context, state: none, model: context.baseModel)
        let retrainStart = Deadline(seconds: 0)
        let evaluation = try PlanEvaluation(flips: [], context: context)
        retrainSeconds = retrainStart.elapsed
        judge = configuration.target != nil ? nil
            : configuration.acceptanceTau.map { SmoothedMetric(context: context, temperature: $0) }
        base = Self.retrained(none, evaluation, metric: context.metric, judge: judge, features: context.instance.train.features)
        if let e = configuration.maxErrorIncrease {
            let predictions = context.baseModel.predictions(planning.features)
            let errors = zip(predictions, planning.truth).filter { $0 != $1 }.count
            errorCap = Int((Double(errors) + e * Double(planning.count) + 1e-9).rounded(.down))
        } else {
            errorCap = nil
        }
    }

    private static func validate(_ c: MIPPlanner.Configuration) throws {
        if let e = c.maxErrorIncrease, !(e >= 0) { throw PlanningError("the error increase cap must be at least 0, got \(e)") }
        if let t = c.target, !(t >= 0) { throw PlanningError("the target metric must be at least 0, got \(t)") }
        guard c.timeLimit > 0 else { throw PlanningError("the solver time limit must be positive, got \(c.timeLimit)") }
        guard c.relativeGap >= 0 else { throw PlanningError("the relative optimality gap must be at least 0, got \(c.relativeGap)") }
        guard c.threads >= 1 else { throw PlanningError("the solver's threads must be at least 1, got \(c.threads)") }
        if let n = c.nodeLimit, n < 1 { throw PlanningError("the solver's node limit must be at least 1, got \(n)") }
        if let n = c.planningRows, n < 1 { throw PlanningError("the planning rows must be at least 1, got \(n)") }
        guard c.rounds >= 0 else { throw PlanningError("the refinement rounds must be at least 0, got \(c.rounds)") }
        if let r = c.trustRegion, r < 1 { throw PlanningError("the label changes per refinement round must be at least 1, got \(r)") }
        guard c.margin >= 0 && c.margin.isFinite else { throw PlanningError("the score margin must be at least 0, got \(c.margin)") }
        if c.margin > 0 && c.formulation != .hard { throw PlanningError("a score margin applies to the hard formulation only") }
        guard c.tau > 0 else { throw PlanningError("tau must be positive, got \(c.tau)") }
        if let t = c.acceptanceTau, !(t > 0 && t.isFinite) {
            throw PlanningError("the acceptance temperature must be positive (nil: the exact metric), got \(t)")
        }
    }

    /// Checks a budget against the candidates (the engine's `BudgetRule`).
    func validate(budget: Int) throws {
        try BudgetRule.check(budget, candidates: context.candidates.count)
    }

    /// Solver settings for a solve that may use `seconds`.
    func solverOptions(seconds: Double) -> SolverOptions {
        SolverOptions(timeLimit: seconds, relativeGap: configuration.relativeGap,
                      threads: configuration.threads, seed: Int(context.seed % 2_000_000_000) + 1,
                      nodeLimit: configuration.nodeLimit)
    }

    /// Solves `formulation` from the best of `starts` in at most `seconds` (`FormulationSolver`).
    /// Under a node limit, a solve that stops on time instead is noted: its result depends on the
    /// machine's load, so the plan is not reproducible.
    func solve(_ formulation: any Formulation, starts: [(source: String, plan: [Bool])], seconds: Double,
               changeableRows: Int?, log: @escaping @Sendable (String) -> Void = { _ in }) throws(SolveFailure) -> SolveOutcome {
        let outcome = try FormulationSolver.solve(formulation, starts: starts, backend: backend,
                                                  options: solverOptions(seconds: seconds), changeableRows: changeableRows, log: log)
        if configuration.nodeLimit != nil && outcome.record.hitTimeLimit {
            noteTime("time limit: a solve stopped on time before its node limit")
        }
        return outcome
    }

    /// Seconds a solve may use when it takes `share` of what remains of `deadline` (at most
    /// `cap`), keeping in reserve the `retrains` that follow it and the worker's slack; nil when
    /// too little remains to be worth a solve.
    func solveSeconds(share: Double, of deadline: Deadline, cap: Double = .infinity, retrains: Int = 2) -> Double? {
        let seconds = deadline.share(share, cap: cap) - Double(retrains) * retrainSeconds - 0.25
        return seconds >= 0.5 ? seconds : nil
    }

    /// The configured formulation of a linearised problem, and the soft one (for starts).
    func formulation(of lp: LinearisedProblem) -> (main: any Formulation, soft: SoftFormulation, changeable: Int?) {
        let soft = SoftFormulation(lp, tau: configuration.tau)
        switch configuration.formulation {
        case .soft: return (soft, soft, nil)
        case .hard:
            // The score-order search may read 1.5e7 effect differences per second of the time
            // limit (about a fifth of it on a quiet machine): a count, so plans stay reproducible;
            // on a loaded machine it also stops after a sixth of the time that remains.
            let hard = HardFormulation(configuration.margin > 0
                ? lp.withMargin(configuration.margin, reference: context.baseModel.predictions(planning.features)) : lp,
                orderWork: 1.5e7 * configuration.timeLimit, orderDeadline: Deadline(seconds: deadline.share(1.0 / 6)))
            return (hard, soft, hard.reach.changeable.count)
        }
    }

    /// The first MIP: linearised at the firm's model, toggles = flips.
    func firstFormulation(budget: Int, goal: LinearisedProblem.Goal) throws
        -> (main: any Formulation, soft: SoftFormulation, changeable: Int?) {
        let lp = try LinearisedProblem(response: baseResponse, planning: planning, metric: context.metric, goal: goal,
                                       budget: budget, toggleLimit: budget, errorCap: errorCap)
        return formulation(of: lp)
    }

    /// Starts for a formulation: the cheap heuristics, plus the soft MIP's answer when the main
    /// one is hard (a tenth of what remains of `deadline`, at most 10 s without a node limit) and a local search from
    /// the best of them (a fifth of what remains). Both are optional: when the deadline leaves
    /// them no time they are skipped or cut short, and `timeNotes` says so.
    func starts(main: any Formulation, soft: SoftFormulation, deadline: Deadline) -> [(source: String, plan: [Bool])] {
        var starts = StartHeuristics.plans(soft: soft)
        if let hard = main as? HardFormulation {
            // At most 10 s, except under a node limit: there the nodes bound the solve, and a fixed
            // cap of wall time would make the start (and so the plan) depend on the machine's load.
            let cap: Double = configuration.nodeLimit == nil ? 10 : .infinity
            if let seconds = solveSeconds(share: 0.1, of: deadline, cap: cap, retrains: 0) {
                do {
                    let outcome = try solve(soft, starts: starts, seconds: seconds, changeableRows: nil)
                    starts.append(("soft MIP", outcome.plan))
                } catch {
                    progress("mip: the soft MIP gave no start: \(error)")
                }
            } else {
                noteTime("time limit: the soft MIP start was skipped")
            }
            // Local search on the hard surrogate from the best of them (by the metric: in target
            // mode the starts may all miss the target).
            let ranked = starts.filter { hard.lp.withinLimits($0.plan) }.map { ($0, hard.surrogateMetric($0.plan)) }
                .min { $0.1 < $1.1 }
            let searchTime = Deadline(seconds: deadline.share(0.2))
            if let (seed, _) = ranked,
               let improved = HardLocalSearch.improve(hard, from: seed.plan, deadline: searchTime) {
                if searchTime.hasPassed { noteTime("time limit: the local search start was cut short") }
                if improved != seed.plan { starts.append(("local search from \(seed.source)", improved)) }
            }
        }
        return starts
    }

    /// Retrains with a final flip state applied and measures the training metric and error.
    func retrain(_ plan: [Bool]) throws -> Retrained {
        let rows = LinearResponse.flippedRows(candidates: context.candidates, state: plan)
        let evaluation = try PlanEvaluation(flips: rows, context: context)
        return Self.retrained(plan, evaluation, metric: context.metric, judge: judge, features: context.instance.train.features)
    }

    private static func retrained(_ plan: [Bool], _ evaluation: PlanEvaluation, metric: FairnessMetric,
                                  judge: SmoothedMetric?, features: Matrix) -> Retrained {
        let exact = evaluation.train.value(of: metric)
        let judged = judge.map { $0.value(scores: evaluation.model.scores(features)) } ?? exact
        return Retrained(plan: plan, evaluation: evaluation, metric: exact, error: evaluation.train.errorRate, judged: judged)
    }

    /// Whether a retrained plan respects the error cap on the training split.
    func withinErrorCap(_ r: Retrained) -> Bool { withinErrorCap(error: r.error) }

    func withinErrorCap(error: Double) -> Bool {
        guard let e = configuration.maxErrorIncrease else { return true }
        return error <= base.error + e + 1e-12
    }

    /// Whether `a` is better than `b` once retrained: within the error cap first, then a lower
    /// metric (exact, or smoothed with `acceptanceTau`).
    func isBetter(_ a: Retrained, than b: Retrained) -> Bool {
        let ca = withinErrorCap(a), cb = withinErrorCap(b)
        if ca != cb { return ca }
        return a.judged < b.judged - 1e-12
    }

    /// Under the smoothed judge, the two plans' judged values for a verdict (the rounds table
    /// shows exact metrics, which may order them the other way); empty under the exact judge.
    func judgedComparison(_ a: Retrained, _ b: Retrained) -> String {
        guard let judge else { return "" }
        return String(format: " (smoothed, tau %g: %.4f vs %.4f)", judge.temperature, a.judged, b.judged)
    }

    /// What retrained plans were compared by, for the plan's notes.
    var judgeNote: String {
        judge.map { "judged by: smoothed training \(context.metric.rawValue) (tau \($0.temperature))" }
            ?? "judged by: exact training \(context.metric.rawValue)"
    }

    func plan(from state: [Bool], surrogate: Double) -> Plan {
        Plan(method: "mip", flips: LinearResponse.flippedRows(candidates: context.candidates, state: state),
             surrogateMetric: surrogate)
    }

    static func count(_ x: [Bool]) -> Int { x.filter { $0 }.count }
}
