import FairflipSolver
/// Target mode: the fewest flips whose retrained training metric is at most the target.
///
/// The first linearisation's "fewest flips subject to metric ≤ target" MIP proposes a flip count;
/// since the linear model is only first-order, budgets are then probed with the full planner
/// (solve and refine, judged by retraining): upward until the target is reached, then a binary
/// search down to the smallest budget that reaches it.
struct TargetSearch {
    let session: PlanningSession
    let target: Double
    let maxBudget: Int
    /// Probes at most (each is a full plan at one budget).
    var maxProbes = 14

    func run() throws -> MIPPlanResult {
        let s = session
        var probes: [TargetOutcome.Probe] = []
        func finish(_ r: MIPPlanResult, reached: Bool, surrogateFlips: Int?) -> MIPPlanResult {
            var r = r
            r.target = TargetOutcome(target: target, reached: reached, surrogateFlips: surrogateFlips,
                                     probes: probes.sorted { ($0.budget, $0.kind) < ($1.budget, $1.kind) })
            return r
        }
        if s.base.metric <= target {
            s.progress("mip: the firm's model already meets the target (\(PlanningSession.short(s.base.metric)))")
            var r = try s.planAtBudgetWithoutRefinement(0)
            r.rounds[0].verdict = "the target is met without flips"
            return finish(r, reached: true, surrogateFlips: 0)
        }
        // The surrogate's answer.
        let (main, soft, changeable) = try s.firstFormulation(budget: maxBudget, goal: .fewestFlips(target: target))
        var surrogateFlips: Int?
        var results: [Int: MIPPlanResult] = [:]
        var reachedAt: Int?
        var failure = ""
        var solved: SolveOutcome?
        do {
            let seconds = s.solveSeconds(share: 0.3, of: s.deadline) ?? 0.5
            solved = try s.solve(main, starts: s.starts(main: main, soft: soft, deadline: s.deadline), seconds: seconds,
                                 changeableRows: changeable, log: s.progress)
        } catch {
            failure = "\(error)"
        }
        if let outcome = solved {
            let k0 = PlanningSession.count(outcome.plan)
            surrogateFlips = k0
            let retrained = try s.retrain(outcome.plan)
            s.progress("mip: the surrogate reaches \(PlanningSession.short(target)) with \(k0) flips; retrained: "
                       + PlanningSession.short(retrained.metric))
            let surrogate = main.surrogateMetric(outcome.plan)
            var plan = s.plan(from: outcome.plan, surrogate: surrogate)
            plan.notes = ["formulation: \(s.configuration.formulation.rawValue)", "solver: \(outcome.record.status.rawValue)"]
            plan.solver = SolverSummary(outcome.record)
            plan.solver?.origin = outcome.record.incumbent == .solver ? "solver" : "start"
            let round = RefinementRound(
                round: 0, flips: k0, toggles: k0, surrogate: surrogate, linearPrediction: surrogate,
                retrained: retrained.metric, retrainedError: retrained.error, accepted: true,
                verdict: "fewest flips for the target on the surrogate", solve: outcome.record)
            let direct = MIPPlanResult(plan: plan, formulation: s.configuration.formulation.rawValue, budget: k0,
                                       planningRows: s.planning.count, firstSolve: outcome.record, rounds: [round],
                                       retrained: retrained.metric, surrogate: surrogate,
                                       origin: outcome.record.incumbent == .solver ? .solver : .start, target: nil)
            let ok = retrained.metric <= target && s.withinErrorCap(retrained)
            probes.append(.init(kind: "surrogate", budget: k0, flips: k0, retrained: retrained.metric, reached: ok))
            if ok { results[k0] = direct; reachedAt = k0 }
        } else {
            s.progress("mip: no surrogate plan reaches \(PlanningSession.short(target)) within \(maxBudget) flips (\(failure)); "
                       + "probing budgets anyway")
        }
        /// Each probe gets a third of what remains of the whole limit.
        func probeDeadline() -> Deadline { Deadline(seconds: s.deadline.remaining / 3) }
        func probe(_ k: Int) throws -> Bool {
            if let r = results[k] { return r.retrained <= target }
            s.progress("mip: target search: probing budget \(k)")
            let r = try s.planAtBudget(k, within: probeDeadline())
            results[k] = r
            let ok = r.retrained <= target && s.withinErrorCap(error: r.retrainedError)
            probes.append(.init(kind: "budget", budget: k, flips: r.plan.flips.count, retrained: r.retrained, reached: ok))
            if ok, reachedAt == nil || k < reachedAt! { reachedAt = k }
            return ok
        }
        var lo = 0  // the firm's model (no flips) misses the target
        if reachedAt == nil {
            var k = max(1, surrogateFlips ?? maxBudget)
            while probes.count < maxProbes && !s.deadline.hasPassed {
                if try probe(k) { break }
                lo = k
                if k >= maxBudget { break }
                k = min(maxBudget, 2 * k)
            }
        }
        guard var hi = reachedAt else {
            let sorted = results.values.sorted { $0.retrained != $1.retrained ? $0.retrained < $1.retrained : $0.budget < $1.budget }
            let best = try sorted.first ?? s.planAtBudget(maxBudget, within: probeDeadline())
            return finish(best, reached: false, surrogateFlips: surrogateFlips)
        }
        while hi - lo > 1 && probes.count < maxProbes && !s.deadline.hasPassed {
            let mid = (lo + hi) / 2
            if try probe(mid) { hi = mid } else { lo = mid }
        }
        let best = results.filter { $0.value.retrained <= target }
            .min { $0.value.plan.flips.count != $1.value.plan.flips.count
                ? $0.value.plan.flips.count < $1.value.plan.flips.count : $0.key < $1.key }!.value
        return finish(best, reached: true, surrogateFlips: surrogateFlips)
    }
}

extension PlanningSession {
    /// The final flip state of a plan.
    func state(of plan: Plan) -> [Bool] {
        let flipped = Set(plan.flips)
        return context.candidates.map { flipped.contains($0) }
    }

    /// The empty plan as a result (target already met).
    func planAtBudgetWithoutRefinement(_ budget: Int) throws -> MIPPlanResult {
        let none = [Bool](repeating: false, count: context.candidates.count)
        let record = SolveRecord.notNeeded
        let round = RefinementRound(round: 0, flips: 0, toggles: 0, surrogate: base.metric, linearPrediction: base.metric,
                                    retrained: base.metric, retrainedError: base.error, accepted: true,
                                    verdict: "", solve: record)
        return MIPPlanResult(plan: plan(from: none, surrogate: base.metric), formulation: configuration.formulation.rawValue,
                             budget: budget, planningRows: planning.count, firstSolve: record, rounds: [round],
                             retrained: base.metric, surrogate: base.metric, origin: .none, target: nil)
    }
}
