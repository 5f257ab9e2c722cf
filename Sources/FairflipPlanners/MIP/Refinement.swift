import Foundation
import FairflipFairness
import FairflipSolver

/// The MIP planner at one budget: the first solve, then refinement rounds that re-linearise at
/// the retrained model around the current plan (formulation.md, "Refinement").
///
/// Each round decides the final flip state `x` (budget `Σx ≤ k`) with toggles
/// `t_i = c_i + (1 − 2c_i) x_i` limited by the trust region `Σt ≤ r`, starts CBC from the current
/// plan, and is accepted only if the retrained metric improves. So the returned plan is never
/// worse, once retrained, than the first solve's.
extension PlanningSession {
    /// Plans at `budget` within `deadline`: the gradient start, the heuristic starts and the
    /// first solve, then refinement rounds while time remains.
    func planAtBudget(_ budget: Int, within deadline: Deadline) throws -> MIPPlanResult {
        let m = context.candidates.count
        let metricName = context.metric.rawValue
        progress("mip: \(configuration.formulation.rawValue) formulation, budget \(budget) of \(m) candidates, "
                 + "\(planning.count) planning rows, \(String(format: "%.1f", deadline.remaining)) s left of the time limit")
        // The gradient plan comes first (at most half of the limit): at large budgets it is
        // often the best start there is, and on a big or loaded instance the model build and the
        // first solve can take all the time that would otherwise be left for it afterwards. Cut
        // short, it is worse than the gradient method's own plan (a third of the limit cut it on
        // dutch k = 840 at 20 s in the transfer benchmark: train eqodds 0.0760 against 0.0705); on
        // small data it takes well under a second, so the share binds only where it matters most.
        let gradientPlan = try gradientStart(budget: budget, seconds: deadline.share(1.0 / 2) - 3 * retrainSeconds - 0.25)
        let preparation = Deadline(seconds: 0)
        let (main, soft, changeable) = try firstFormulation(budget: budget, goal: .lowestMetric)
        if let changeable { progress("mip: \(changeable) planning rows can change prediction within the budget") }
        let firstStarts = starts(main: main, soft: soft, deadline: deadline) + (gradientPlan.map { [("gradient plan", $0)] } ?? [])
        // Building a model and its starts (reach, heuristics, soft MIP, local search) costs about
        // this much again in each refinement round: a round only starts when that time remains.
        let preparationSeconds = preparation.elapsed
        // The first solve takes most of what remains; refinement and the gradient start share the rest.
        let later = configuration.rounds > 0 || configuration.gradientStart
        let firstSeconds = solveSeconds(share: later ? 0.6 : 0.9, of: deadline) ?? 0.5
        let first: SolveOutcome
        do {
            first = try solve(main, starts: firstStarts, seconds: firstSeconds, changeableRows: changeable, log: progress)
        } catch {
            throw PlanningError("the planning MIP has no solution: \(error)"
                                + (configuration.maxErrorIncrease != nil ? "; check --max-error-increase" : ""))
        }
        var current = try retrain(first.plan)
        var currentSurrogate = main.surrogateMetric(first.plan)
        let firstRecord = first.record
        var origin: MIPPlanResult.Origin = firstRecord.incumbent == .solver ? .solver : .start
        progress("mip: round 0: \(Self.count(first.plan)) flips, solver \(firstRecord.status.rawValue)"
                 + "\(firstRecord.gap.map { ", gap \(Self.percent($0))" } ?? ""), surrogate \(metricName) "
                 + "\(Self.short(currentSurrogate)), retrained \(Self.short(current.metric)) (before: \(Self.short(base.metric)))")
        let hardLinear = { (lp: LinearisedProblem, x: [Bool]) in lp.linearAudit(x).value(of: lp.metric) }
        let firstLP = (main as? HardFormulation)?.lp ?? (main as! SoftFormulation).lp
        var rounds = [RefinementRound(
            round: 0, flips: Self.count(first.plan), toggles: Self.count(first.plan), surrogate: currentSurrogate,
            linearPrediction: hardLinear(firstLP, first.plan), retrained: current.metric, retrainedError: current.error,
            accepted: true, verdict: "first solve", solve: firstRecord)]
        // The linear model can flatter a plan with many flips, and retraining-based heuristics
        // (the gradient method) can beat any linearisation where many flips interact. Such plans
        // are retrained too, and refinement starts from whichever is really better; the first
        // solve is still reported as round 0.
        // Plans that lost a comparison: refinement restarts from the best of them when it stalls
        // with rounds and time to spare (a linearisation's optimum can be a dead end that a worse
        // start refines past: german s=5 of mip_vs_exhaustive.py).
        var others: [(plan: Retrained, surrogate: Double, source: String)] = []
        func consider(_ state: [Bool], source: String, origin candidateOrigin: MIPPlanResult.Origin) throws {
            guard state != current.plan, !others.contains(where: { $0.plan.plan == state }) else { return }
            let alternative = try retrain(state)
            let better = isBetter(alternative, than: current)
            let surrogate = main.surrogateMetric(state)
            rounds.append(RefinementRound(
                round: 0, flips: Self.count(state), toggles: Self.count(state), surrogate: surrogate,
                linearPrediction: hardLinear(firstLP, state), retrained: alternative.metric,
                retrainedError: alternative.error, accepted: better,
                verdict: better ? "\(source) retrains better\(judgedComparison(alternative, current)): refinement starts from it"
                    : "\(source) retrains worse\(judgedComparison(alternative, current))",
                solve: nil))
            guard better else {
                others.append((alternative, surrogate, source))
                return
            }
            others.append((current, currentSurrogate, "plan a better start displaced"))
            for i in 0..<(rounds.count - 1) { rounds[i].accepted = false }
            rounds[0].verdict = "first solve (\(source) retrains better)"
            current = alternative
            currentSurrogate = surrogate
            origin = candidateOrigin
            progress("mip: \(source) retrains better (\(Self.short(alternative.metric))); refinement starts from it")
        }
        if let startPlan = first.startPlan {
            try consider(startPlan, source: "MIP start (\(firstRecord.startSource ?? "heuristic"))", origin: .start)
        }
        if let gradientPlan {
            try consider(gradientPlan, source: "gradient plan", origin: .gradient)
        }

        let trust = min(m, configuration.trustRegion ?? max(4, budget / 4))
        var round = 0
        var best = (plan: current, surrogate: currentSurrogate, origin: origin)
        passes: while true {
        while round < configuration.rounds && budget > 0 {
            // A round needs its model and starts built, then a solve and two retrains.
            guard deadline.remaining >= preparationSeconds + 2 * retrainSeconds + 0.75 else {
                noteTime("time limit: refinement stopped before round \(round + 1)")
                break
            }
            let response = try LinearResponse(context: context, state: current.plan, model: current.evaluation.model)
            let lp = try LinearisedProblem(response: response, planning: planning, metric: context.metric,
                                           goal: .lowestMetric, budget: budget, toggleLimit: trust, errorCap: errorCap)
            let (f, s, ch) = formulation(of: lp)
            let roundStarts = starts(main: f, soft: s, deadline: deadline)
            // Each round takes half of what remains, at most a third of the whole limit (10 s at least).
            guard let seconds = solveSeconds(share: 0.5, of: deadline, cap: max(10, configuration.timeLimit / 3)) else {
                noteTime("time limit: refinement stopped before round \(round + 1)")
                break
            }
            round += 1
            let outcome: SolveOutcome
            do {
                outcome = try solve(f, starts: roundStarts, seconds: seconds, changeableRows: ch, log: progress)
            } catch {
                progress("mip: round \(round): no plan for this linearisation (\(error)); refinement stops")
                break
            }
            let toggles = zip(outcome.plan, current.plan).filter { $0 != $1 }.count
            let surrogate = f.surrogateMetric(outcome.plan)
            guard toggles > 0 else {
                let proven = outcome.record.status == .optimal
                let verdict = proven ? "no change: the current plan is optimal for this linearisation"
                    : "no change: CBC found no better plan within the time limit"
                rounds.append(RefinementRound(
                    round: round, flips: Self.count(outcome.plan), toggles: 0, surrogate: surrogate,
                    linearPrediction: hardLinear(lp, outcome.plan), retrained: current.metric, retrainedError: current.error,
                    accepted: false, verdict: verdict, solve: outcome.record))
                progress("mip: round \(round): \(verdict); done")
                break
            }
            let candidate = try retrain(outcome.plan)
            let better = isBetter(candidate, than: current)
            rounds.append(RefinementRound(
                round: round, flips: Self.count(outcome.plan), toggles: toggles, surrogate: surrogate,
                linearPrediction: hardLinear(lp, outcome.plan), retrained: candidate.metric, retrainedError: candidate.error,
                accepted: better, verdict: (better ? "accepted: the retrained metric improved" : "rejected: no retrained improvement")
                    + judgedComparison(candidate, current),
                solve: outcome.record))
            progress("mip: round \(round): \(toggles) toggles, surrogate \(Self.short(surrogate)), retrained "
                     + "\(Self.short(candidate.metric)) -> \(better ? "accepted" : "rejected, refinement stops")")
            guard better else { break }
            current = candidate
            currentSurrogate = surrogate
            origin = .refinement
        }
        if isBetter(current, than: best.plan) { best = (current, currentSurrogate, origin) }
        guard round < configuration.rounds, budget > 0,
              let next = others.indices.min(by: { isBetter(others[$0].plan, than: others[$1].plan) }) else { break passes }
        let restart = others.remove(at: next)
        progress("mip: refinement restarts from the \(restart.source) (retrained \(Self.short(restart.plan.metric)))")
        current = restart.plan
        currentSurrogate = restart.surrogate
        }
        (current, currentSurrogate, origin) = best
        var plan = self.plan(from: current.plan, surrogate: currentSurrogate)
        plan.notes = ["formulation: \(configuration.formulation.rawValue)", judgeNote, "solver: \(firstRecord.status.rawValue)"] + timeNotes
        plan.diagnostics = ["rounds": Double(rounds.filter { $0.round > 0 }.count), "retrained": current.metric]
        plan.solver = SolverSummary(firstRecord)
        plan.solver?.origin = origin.rawValue
        return MIPPlanResult(plan: plan, formulation: configuration.formulation.rawValue, budget: budget,
                             planningRows: planning.count, firstSolve: firstRecord, rounds: rounds,
                             retrained: current.metric, surrogate: currentSurrogate, origin: origin, target: nil)
    }

    /// The gradient method's plan as a start within `seconds` (nil when it is off, the budget is
    /// 0, or there is no time for it); when the time is spent it stops with the best plan it has.
    func gradientStart(budget: Int, seconds: Double) throws -> [Bool]? {
        guard configuration.gradientStart && budget > 0 else { return nil }
        guard seconds >= 0.5 else {
            noteTime("time limit: the gradient start was skipped")
            return nil
        }
        var gradient = GradientPlanner()
        gradient.deadline = Deadline(seconds: seconds)
        let chosen: Set<Int>
        // On large data the gradient works on the planning rows' number of rows (plus the
        // candidates), not on the whole split; its plan is judged by the full retrain.
        if let limit = configuration.planningRows, let (sub, rows) = try context.subsample(limit: limit) {
            chosen = Set(try gradient.plan(sub, budget: budget, progress: { _ in }).flips.map { rows[$0] })
        } else {
            chosen = Set(try gradient.plan(context, budget: budget, progress: { _ in }).flips)
        }
        if gradient.deadline?.hasPassed ?? false { noteTime("time limit: the gradient start was cut short") }
        return context.candidates.map { chosen.contains($0) }
    }

    static func short(_ x: Double) -> String { String(format: "%.4f", x) }
    static func percent(_ x: Double) -> String { String(format: "%.2f%%", 100 * x) }
}
