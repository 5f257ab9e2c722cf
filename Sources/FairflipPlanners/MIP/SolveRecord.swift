import Foundation
import FairflipSolver

/// What one solve of a planning MIP did, for reports and `plan.json`.
///
/// `seconds` is wall time and therefore not encoded: reports put it in a separate timing section
/// so that equal inputs give byte-identical plan files.
public struct SolveRecord: Sendable, Codable, Equatable {
    /// Where the returned solution came from.
    public enum Incumbent: String, Sendable, Codable, Equatable {
        /// The solver found it (better than the start, or without a start).
        case solver
        /// The start the solver was given (the solver found nothing better, or did not answer).
        case start
        /// Nothing was solved (the target was met without flips).
        case none
    }

    /// How the solve ended (`optimal` proves the returned objective optimal for this MIP within
    /// the relative gap; `stopped-with-incumbent` proves only the bound).
    public var status: MIPStatus
    /// What stopped the search before optimality, from the solver's own flags (or `deadline`
    /// when the worker had to be cut off).
    public var stoppedBy: MIPLimit?
    /// Whether a time limit (the solver's or the hard deadline) stopped the search.
    public var hitTimeLimit: Bool
    /// Objective of the returned solution (the surrogate metric, or the flip count in target mode).
    public var objective: Double?
    /// The best bound the solver proved: no plan of this MIP has a lower objective.
    public var bound: Double?
    /// The bound at the end of the root node (after cuts).
    public var rootBound: Double?
    /// Relative gap between objective and bound.
    public var gap: Double?
    /// Size of the model.
    public var columns: Int
    public var rows: Int
    /// Integer columns (binaries, and the hard formulation's counts of identical candidates).
    public var binaries: Int
    /// Planning rows whose prediction can change (hard formulation), i.e. `pred_` binaries.
    public var changeableRows: Int?
    /// Which heuristic gave the MIP start, and its objective.
    public var startSource: String?
    public var startObjective: Double?
    /// Whether the solver accepted the start (from its log); nil without a start or a verdict.
    public var startAccepted: Bool?
    /// Where the returned solution came from.
    public var incumbent: Incumbent
    /// True when the solver's answer was worse than its start, or missing, and the start was kept.
    public var keptStart: Bool
    /// The backend that solved it (`cbc`, `cbc-worker`).
    public var backend: String?
    /// Wall time of the solve (not encoded).
    public var seconds: Double = 0

    enum CodingKeys: String, CodingKey {
        case status, stoppedBy, hitTimeLimit, objective, bound, rootBound, gap, columns, rows, binaries, changeableRows
        case startSource, startObjective, startAccepted, incumbent, keptStart, backend
    }

    /// The record of a solve that was not needed (the target is met without flips).
    static let notNeeded = SolveRecord(
        status: .optimal, stoppedBy: nil, hitTimeLimit: false, objective: 0, bound: 0, rootBound: nil, gap: 0,
        columns: 0, rows: 0, binaries: 0, changeableRows: nil, startSource: nil, startObjective: nil,
        startAccepted: nil, incumbent: .none, keptStart: false, backend: nil)
}

/// A solved formulation: the final flip state and how the solve went.
struct SolveOutcome {
    var plan: [Bool]
    var record: SolveRecord
    /// The start the solver was given (the best heuristic plan), if any.
    var startPlan: [Bool]?
}

/// Why a formulation has no plan.
enum SolveFailure: Error, CustomStringConvertible {
    /// The solver proved the model infeasible, and no start is feasible.
    case infeasible
    /// The solver stopped without a solution and no start is feasible.
    case noSolution(MIPStatus, seconds: Double)
    /// The backend could not solve at all.
    case backend(MIPSolverError)

    var description: String {
        switch self {
        case .infeasible: return "the solver proved the model infeasible"
        case let .noSolution(status, seconds):
            return "the solver stopped (\(status.rawValue)) without finding a solution within \(String(format: "%.1f", seconds)) s"
        case let .backend(error): return "\(error)"
        }
    }
}

enum FormulationSolver {
    /// Solves `formulation` with `backend`, starting from the best feasible plan among `starts`,
    /// with that plan's objective as the cutoff. The start stands when the solver finds nothing
    /// better (or does not answer in time).
    static func solve(_ formulation: any Formulation, starts: [(source: String, plan: [Bool])],
                      backend: any MIPBackend, options: SolverOptions, changeableRows: Int?,
                      log: @escaping @Sendable (String) -> Void = { _ in }) throws(SolveFailure) -> SolveOutcome {
        var best: (source: String, plan: [Bool], values: [Double], objective: Double)?
        var tried: [String] = []
        var infeasible: [String] = []
        for s in starts {
            guard let values = formulation.start(for: s.plan) else {
                infeasible.append(s.source)
                continue
            }
            let objective = formulation.problem.objectiveValue(values)
            tried.append("\(s.source) \(String(format: "%.4f", objective))")
            if best == nil || objective < best!.objective - 1e-12 { best = (s.source, s.plan, values, objective) }
        }
        if !infeasible.isEmpty {
            let more = infeasible.count > 3 ? " and \(infeasible.count - 3) more" : ""
            tried.append("infeasible: " + infeasible.prefix(3).joined(separator: ", ") + more)
        }
        if !tried.isEmpty { log("mip: starts: " + tried.joined(separator: ", ")) }
        let problem = formulation.problem
        var options = options
        if let best {
            // Only plans better than the start are of interest (a hair of slack keeps the start itself).
            options.cutoff = best.objective + 1e-9 * max(1, abs(best.objective))
        }
        let result: MIPResult
        do {
            result = try backend.solve(MIPRequest(problem: problem, start: best?.values, options: options)) { event in
                if case let .start(accepted, _) = event, !accepted { log("mip: the solver did not use the start") }
            }
        } catch let error as MIPSolverError {
            guard best != nil else { throw .backend(error) }
            log("mip: \(error); the start stands")
            result = MIPResult(status: .noSolution)
        } catch {
            throw .backend(.protocolViolation("\(error)"))
        }
        var record = SolveRecord(
            status: result.status, stoppedBy: result.stoppedBy,
            hitTimeLimit: result.stoppedBy == .time || result.stoppedBy == .deadline,
            objective: nil, bound: result.bound, rootBound: result.rootBound, gap: nil,
            columns: problem.columnCount, rows: problem.rowCount, binaries: problem.isInteger.filter { $0 }.count,
            changeableRows: changeableRows, startSource: best?.source, startObjective: best?.objective,
            startAccepted: best == nil ? nil : result.startAccepted, incumbent: .solver, keptStart: false,
            backend: backend.name, seconds: result.seconds)
        var plan: [Bool]
        if let objective = result.objective, result.hasSolution,
           best.map({ objective <= $0.objective + 1e-9 }) ?? true {
            plan = formulation.decode(result.values)
            record.objective = objective
            if let best, !result.improvedOnStart {
                // No better solution than the start: report the start itself (same objective).
                plan = best.plan
                record.objective = best.objective
                record.incumbent = .start
            }
        } else if let best {
            // The solver's answer is worse than the start, or missing (stopped, or a cutoff at the
            // start's objective left nothing to find): the start stands.
            plan = best.plan
            record.objective = best.objective
            record.incumbent = .start
            record.keptStart = true
            // "Infeasible" with a feasible start claims nothing beats the cutoff; CBC also says it when
            // a limit cuts its preprocessing short, so no optimality is claimed from it.
            if record.status != .optimal { record.status = .feasible }
        } else if result.status == .infeasible {
            throw .infeasible
        } else {
            throw .noSolution(result.status, seconds: result.seconds)
        }
        if let objective = record.objective, let bound = record.bound {
            record.gap = MIPResult.gap(objective: objective, bound: bound)
        }
        return SolveOutcome(plan: plan, record: record, startPlan: best?.plan)
    }
}
