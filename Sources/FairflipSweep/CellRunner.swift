import FairflipFairness
import FairflipPlanners
import FairflipResults
import Foundation

/// Runs one sweep cell: plans, retrains with the flips, audits, and turns the outcome into a
/// results row. A planner or retraining failure becomes a row with status `error: ...`.
struct CellRunner: Sendable {
    let instanceName: String
    let timing: Bool
    /// Whether the cell's seed also split train/test (recorded as `split_seed`).
    var splitSeeds = false

    func run(_ cell: SweepCell, planner: any Planner, context: () throws -> PlanningContext) -> SweepRecord {
        var record = SweepRecord(instance: instanceName, alpha: cell.alpha, seed: cell.seed,
                                 splitSeed: splitSeeds ? cell.seed : nil, method: cell.method, budget: cell.budget, metric: "")
        let ctx: PlanningContext
        do { ctx = try context() } catch let undefined as UndefinedMetric {
            record.status = Self.errorStatus("\(undefined)")
            return record
        } catch {
            record.status = Self.errorStatus("loading the collective: \(error)")
            return record
        }
        record.metric = ctx.metric.rawValue
        record.candidates = ctx.candidates.count
        if cell.budget == 0 {
            // The base model: no planner call, every method shares it.
            let base = ctx.baseModel
            let inst = ctx.instance
            record.flips = 0
            record.train = SplitFigures(FairnessAudit(truth: inst.train.truth, predictions: base.predictions(inst.train.features),
                                                      groups: inst.train.groups))
            let test = FairnessAudit(truth: inst.test.truth, predictions: base.predictions(inst.test.features),
                                     groups: inst.test.groups)
            record.test = SplitFigures(test)
            record.notes = "base model (budget 0: no flips, planner not called)"
            if let undefined = UndefinedMetric(metric: ctx.metric, audit: test, rows: UndefinedMetric.testSplit) {
                record.status = Self.errorStatus("\(undefined)")
            }
            return record
        }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            try BudgetRule.check(cell.budget, candidates: ctx.candidates.count)
            let plan = try planner.plan(ctx, budget: cell.budget, progress: { _ in })
            if timing { record.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
            record.flips = plan.flips.count
            record.surrogate = plan.surrogateMetric.flatMap { $0.isFinite ? $0 : nil }
            record.solverStatus = plan.solver?.status.rawValue
            record.solverGap = plan.solver?.gap
            record.solverBound = plan.solver?.bound
            record.solverRootBound = plan.solver?.rootBound
            record.planOrigin = plan.solver?.origin
            record.diagnostics = plan.diagnostics
                .sorted { $0.key < $1.key }.map { "\($0.key)=\(CSVFormat.number($0.value))" }.joined(separator: ";")
            record.notes = Self.oneLine(plan.notes.joined(separator: " | "))
            let candidates = Set(ctx.candidates)
            if plan.flips.count > cell.budget {
                record.status = Self.errorStatus("the plan has \(plan.flips.count) flips, over the budget \(cell.budget)")
                return record
            }
            if let bad = plan.flips.first(where: { !candidates.contains($0) }) {
                record.status = Self.errorStatus("the plan flips row \(bad), which is not a candidate")
                return record
            }
            let evaluation = try PlanEvaluation(plan: plan, context: ctx)
            record.train = SplitFigures(evaluation.train)
            record.test = SplitFigures(evaluation.test)
            record.degenerate = Self.degenerate(train: evaluation.train, test: evaluation.test, context: ctx)
            if let undefined = evaluation.testValue(of: ctx.metric).failure { record.status = Self.errorStatus("\(undefined)") }
        } catch {
            if timing { record.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
            record.status = Self.errorStatus("\(error)")
        }
        return record
    }

    /// The degenerate-fairness guard on both splits, against the base model on the same rows:
    /// `train: why; test: why`, empty when neither split is flagged.
    static func degenerate(train: FairnessAudit, test: FairnessAudit, context ctx: PlanningContext) -> String {
        let inst = ctx.instance
        var parts: [String] = []
        for (name, after, split) in [("train", train, inst.train), ("test", test, inst.test)] {
            let before = FairnessAudit(truth: split.truth, predictions: ctx.baseModel.predictions(split.features),
                                       groups: split.groups)
            let check = DegenerateFairness(after: after, before: before)
            if check.isDegenerate { parts.append("\(name): \(check.summary)") }
        }
        return parts.joined(separator: "; ")
    }

    /// `error: <why>`, on one line.
    static func errorStatus(_ why: String) -> String { "error: " + oneLine(why) }

    /// Line breaks become spaces so every results row is one physical line (resume cuts by line).
    static func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }
}
