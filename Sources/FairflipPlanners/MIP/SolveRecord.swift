import Foundation
import FairflipSolver

/// What one CBC solve of a planning MIP did, for reports and `plan.json`.
///
/// `seconds` is wall time and therefore not encoded: reports put it in a separate timing section
/// so that equal inputs give byte-identical plan files.
public struct SolveRecord: Sendable, Codable, Equatable {
    /// `optimal`, `stopped-with-incumbent` (a limit stopped the search; the best plan known is
    /// returned, possibly the MIP start), `infeasible`, ...
    public var status: String
    /// Whether the time limit stopped the search.
    public var hitTimeLimit: Bool
    /// Objective of the returned solution (the surrogate metric, or the flip count in target mode).
    public var objective: Double?
    /// CBC's best bound.
    public var bound: Double?
    /// Relative gap between objective and bound.
    public var gap: Double?
    /// Size of the model.
    public var columns: Int
    public var rows: Int
    public var binaries: Int
    /// Planning rows whose prediction can change (hard formulation), i.e. `pred_` binaries.
    public var changeableRows: Int?
    /// Which heuristic gave the MIP start, and its objective.
    public var startSource: String?
    public var startObjective: Double?
    /// True when CBC's answer was worse than its start and the start was kept.
    public var keptStart: Bool
    /// Wall time of the solve (not encoded).
    public var seconds: Double = 0

    enum CodingKeys: String, CodingKey {
        case status, hitTimeLimit, objective, bound, gap, columns, rows, binaries, changeableRows
        case startSource, startObjective, keptStart
    }
}

/// A solved formulation: the final flip state and how the solve went.
struct SolveOutcome {
    var plan: [Bool]
    var record: SolveRecord
    /// The start CBC was given (the best heuristic plan), if any.
    var startPlan: [Bool]?
}

enum FormulationSolver {
    /// Solves `formulation` with the best feasible start among `starts`.
    ///
    /// Returns nil when CBC proves the model infeasible or stops without any solution and no
    /// start is feasible.
    static func solve(_ formulation: any Formulation, starts: [(source: String, plan: [Bool])],
                      options: SolverOptions, changeableRows: Int?,
                      log: (String) -> Void = { _ in }, failure: UnsafeMutablePointer<String>? = nil) -> SolveOutcome? {
        var best: (source: String, plan: [Bool], values: [Double], objective: Double)?
        var tried: [String] = []
        var infeasible: [String] = []
        defer {
            var parts = tried
            if !infeasible.isEmpty {
                let more = infeasible.count > 3 ? " and \(infeasible.count - 3) more" : ""
                parts.append("infeasible: " + infeasible.prefix(3).joined(separator: ", ") + more)
            }
            if !parts.isEmpty { log("mip: starts: " + parts.joined(separator: ", ")) }
        }
        for s in starts {
            guard let values = formulation.start(for: s.plan) else {
                infeasible.append(s.source)
                continue
            }
            let objective = formulation.problem.objectiveValue(values)
            tried.append("\(s.source) \(String(format: "%.4f", objective))")
            if best == nil || objective < best!.objective - 1e-12 { best = (s.source, s.plan, values, objective) }
        }
        let problem = formulation.problem
        let model = CBCModel(problem)
        if let best { model.setStart(best.values) }
        let solution = model.solve(options)
        var record = SolveRecord(
            status: solution.status.rawValue, hitTimeLimit: false, objective: nil, bound: nil, gap: nil,
            columns: problem.columnCount, rows: problem.rowCount, binaries: problem.isInteger.filter { $0 }.count,
            changeableRows: changeableRows, startSource: best?.source, startObjective: best?.objective,
            keptStart: false, seconds: solution.seconds)
        record.hitTimeLimit = solution.status != .optimal && solution.seconds >= options.timeLimit * 0.98
        if solution.bound.isFinite && abs(solution.bound) < 1e29 { record.bound = solution.bound }
        if solution.status == .infeasible && best == nil {
            failure?.pointee = "CBC proved the model infeasible"
            return nil
        }
        var plan: [Bool]
        if solution.hasSolution {
            plan = formulation.decode(solution.values)
            record.objective = solution.objective
            if let best, best.objective < solution.objective - 1e-9 {
                plan = best.plan
                record.objective = best.objective
                record.keptStart = true
            }
        } else if let best {
            // CBC stopped before using the start (time limit during the root): the start stands.
            plan = best.plan
            record.objective = best.objective
            record.keptStart = true
            if solution.status == .noSolution { record.status = MIPSolution.Status.stoppedWithIncumbent.rawValue }
        } else {
            failure?.pointee = "CBC stopped (\(solution.status.rawValue)) without finding a solution within "
                + "\(options.timeLimit) s"
            return nil
        }
        if let objective = record.objective, let bound = record.bound {
            record.gap = solution.status == .optimal && abs(objective - bound) < 1e-9
                ? 0 : abs(objective - bound) / max(1e-10, abs(objective))
        }
        return SolveOutcome(plan: plan, record: record, startPlan: best?.plan)
    }
}
