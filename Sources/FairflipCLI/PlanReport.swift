import FairflipData
import FairflipFairness
import FairflipPlanners
import FairflipReports
import FairflipResults
import Foundation

/// What `fairflip plan` reports: the plan by CSV line, before/after audits on train and test,
/// the surrogate's prediction next to the retrained metric, the solver and the refinement rounds.
///
/// Encoded it is `plan.json`. Wall times are left out unless asked for (`timing`), so the same
/// spec and seed give byte-identical files.
struct PlanReport: Encodable {
    struct Flips: Encodable {
        var count: Int
        /// Lines of the flipped rows in the training CSV file (the header is line 1).
        var csvLines: [Int]
        var file: String
        /// When the training rows come from two files (a pooled re-split of a spec's train and
        /// test files): each flipped row's file, parallel to `csvLines`. Absent otherwise.
        var files: [String]?
        /// The same rows as 0-based indices into the training split.
        var trainRows: [Int]
    }

    struct Split: Encodable {
        var train: AuditSummary
        var test: AuditSummary
    }

    /// The degenerate-fairness guard's verdict on the retrained model (`DegenerateFairness`).
    struct Degenerate: Encodable {
        /// Whether either split is flagged.
        var flagged: Bool
        /// Why, per split (empty when that split is not flagged).
        var train: [String]
        var test: [String]
    }

    struct Timing: Encodable {
        var totalSeconds: Double
        var solverSeconds: Double?
    }

    var instance: String
    var spec: String
    var method: String
    var metric: String
    var seed: UInt64
    /// The flips allowed; nil in target mode without `--budget` (every candidate may flip).
    var budget: Int?
    var candidates: Int
    var configuration: MIPPlanner.Configuration?
    var flips: Flips
    /// The planner's prediction of the training metric after retraining.
    var surrogate: Double?
    /// The training metric after retraining, and the test one (absent when undefined: see `undefined`).
    var retrained: Double
    var retrainedTest: Double?
    /// Why the metric is undefined on the test split (the training split is checked before planning).
    var undefined: String?
    var before: Split
    var after: Split
    var degenerate: Degenerate
    var solver: SolveRecord?
    /// Where the final plan came from (MIP only): solver, start, gradient or refinement.
    var planOrigin: MIPPlanResult.Origin?
    var rounds: [RefinementRound]?
    var target: TargetOutcome?
    var notes: [String]
    var timing: Timing?

    private var audits: (trainBefore: FairnessAudit, trainAfter: FairnessAudit, testBefore: FairnessAudit, testAfter: FairnessAudit)
    private var solverSeconds: Double?
    private var trainBefore: Double
    private var budgetLabel: String

    enum CodingKeys: String, CodingKey {
        case instance, spec, method, metric, seed, budget, candidates, configuration, flips, surrogate, retrained
        case retrainedTest, undefined, before, after, degenerate, solver, planOrigin, rounds, target, notes, timing
    }

    init(context: PlanningContext, plan: Plan, evaluation: PlanEvaluation, budget: Int?, budgetLabel: String,
         mip: MIPPlanResult?, configuration: MIPPlanner.Configuration?, seconds: Double?) {
        let instance = context.instance
        let train = instance.train
        let base = context.baseModel
        let trainBefore = FairnessAudit(truth: train.truth, predictions: base.predictions(train.features), groups: train.groups)
        let testBefore = FairnessAudit(truth: instance.test.truth, predictions: base.predictions(instance.test.features),
                                       groups: instance.test.groups)
        audits = (trainBefore, evaluation.train, testBefore, evaluation.test)
        self.trainBefore = trainBefore.value(of: context.metric)
        self.instance = instance.name
        spec = instance.origin
        method = plan.method
        metric = context.metric.rawValue
        seed = context.seed
        self.budget = budget
        self.budgetLabel = budgetLabel
        candidates = context.candidates.count
        self.configuration = configuration
        let rows = plan.flips
        let byLine = Self.inFileOrder(rows, of: train)
        flips = Flips(count: rows.count, csvLines: byLine.map { train.lines[$0] }, file: train.file,
                      files: train.spansFiles ? byLine.map { train.file(ofRow: $0) } : nil, trainRows: rows)
        surrogate = plan.surrogateMetric
        retrained = evaluation.train.value(of: context.metric)
        switch evaluation.testValue(of: context.metric) {
        case .success(let value): retrainedTest = value
        case .failure(let reason): undefined = "\(reason)"
        }
        before = Split(train: AuditSummary(trainBefore), test: AuditSummary(testBefore))
        after = Split(train: AuditSummary(evaluation.train), test: AuditSummary(evaluation.test))
        let trainCheck = DegenerateFairness(after: evaluation.train, before: trainBefore)
        let testCheck = DegenerateFairness(after: evaluation.test, before: testBefore)
        degenerate = Degenerate(flagged: trainCheck.isDegenerate || testCheck.isDegenerate,
                                train: trainCheck.reasons, test: testCheck.reasons)
        solver = mip?.firstSolve
        planOrigin = mip?.origin
        rounds = mip?.rounds
        target = mip?.target
        notes = plan.notes
        solverSeconds = mip.map { $0.rounds.compactMap(\.solve).reduce(0) { $0 + $1.seconds } }
        timing = seconds.map { Timing(totalSeconds: $0, solverSeconds: solverSeconds) }
    }

    /// The plan as `flips.csv`: one line per flipped row, by file then line; a last column
    /// `file` names each row's file when the training rows come from two files.
    func flipsCSV(context: PlanningContext) -> String {
        let train = context.instance.train
        let spans = train.spansFiles
        var out = "csv_line,train_row,group,label,flipped_label" + (spans ? ",file\n" : "\n")
        for row in Self.inFileOrder(flips.trainRows, of: train) {
            let y = train.labels[row] >= 0.5 ? 1 : 0
            out += "\(train.lines[row]),\(row),\(train.groups[row].rawValue),\(y),\(1 - y)"
                + (spans ? ",\(CSVFormat.cell(train.file(ofRow: row)))\n" : "\n")
        }
        return out
    }

    /// Training rows ordered by their file (train file first) then line.
    private static func inFileOrder(_ rows: [Int], of train: DataSplit) -> [Int] {
        rows.sorted { (train.sourceOfRow[$0], train.lines[$0]) < (train.sourceOfRow[$1], train.lines[$1]) }
    }

    var text: String {
        var out = "instance \(instance) (\(spec)); metric \(metric); method \(method)\n"
        if let c = configuration {
            var line = "\(c.formulation.rawValue) formulation, budget \(budgetLabel) of \(candidates) candidates"
            if let rows = rounds?.first?.solve?.changeableRows { line += ", \(rows) planning rows can change prediction" }
            if let e = c.maxErrorIncrease { line += ", error increase <= \(formatted(e))" }
            // The judge of retrained plans (target mode always uses the exact metric).
            if let tau = c.acceptanceTau, target == nil {
                line += "; retrained plans judged by the smoothed training \(metric) (tau \(tau); --accept-tau 0: exact)"
            }
            out += line + "\n"
        } else {
            out += "budget \(budgetLabel) of \(candidates) candidates\n"
        }
        if let target {
            out += "target \(metric) <= \(formatted(target.target)): \(target.reached ? "reached" : "NOT reached")"
            if let k = target.surrogateFlips { out += " (the first linearisation says \(k) flips)" }
            out += "\n"
            if !target.probes.isEmpty {
                out += "  budgets probed: " + target.probes.map {
                    "\($0.kind == "surrogate" ? "surrogate plan " : "")\($0.budget) -> \(formatted($0.retrained))\($0.reached ? " ok" : "")"
                }.joined(separator: ", ") + "\n"
            }
        }
        if let files = flips.files {
            // Rows of two files: a row of a file other than the first is named t<line>.
            let others = Set(files).subtracting([flips.file]).sorted()
            out += "\nplan: \(flips.count) flips; CSV lines of \(flips.file) (t<line>: of \(others.joined(separator: ", "))):\n"
            out += wrapped(zip(flips.csvLines, files).map { $1 == flips.file ? String($0) : "t\($0)" }) + "\n"
        } else {
            out += "\nplan: \(flips.count) flips; CSV lines of \(flips.file):\n"
            out += wrapped(flips.csvLines.map(String.init)) + "\n"
        }
        if let s = solver {
            var line = "solver (first solve): \(s.status.rawValue)"
            if let o = s.objective { line += ", objective \(formatted(o, digits: 6))" }
            if let b = s.bound { line += ", bound \(formatted(b, digits: 6))" }
            if let b = s.rootBound { line += " (root \(formatted(b, digits: 6)))" }
            if let g = s.gap { line += ", gap \(formatted(100 * g, digits: 3))%" }
            if let secs = rounds?.first?.solve?.seconds { line += ", \(formatted(secs, digits: 2)) s" }
            if s.stoppedBy == .deadline { line += " (cut off at the hard deadline: its last reported incumbent returned)" }
            else if s.hitTimeLimit { line += " (time limit hit: incumbent returned)" }
            else if s.stoppedBy == .nodes { line += " (node limit hit: incumbent returned)" }
            if s.incumbent == .start { line += "; the solver's incumbent is the start" }
            out += line + "\n"
            out += "  model: \(s.columns) columns (\(s.binaries) integer), \(s.rows) rows"
            if let src = s.startSource {
                out += "; MIP start: \(src) (\(formatted(s.startObjective ?? .nan, digits: 6)))"
                if let accepted = s.startAccepted { out += accepted ? ", accepted by the solver" : ", NOT used by the solver" }
            }
            out += "\n"
            if let origin = planOrigin { out += "  final plan from: \(origin.rawValue)\n" }
        }
        if let rounds, !rounds.isEmpty {
            var t = TextTable(headers: ["round", "flips", "toggles", "surrogate", "linear", "retrained", "error", "solver", "verdict"],
                              alignments: [.right, .right, .right, .right, .right, .right, .right, .left, .left])
            for r in rounds {
                t.append(["\(r.round)", "\(r.flips)", "\(r.toggles)", formatted(r.surrogate), formatted(r.linearPrediction),
                          formatted(r.retrained), formatted(r.retrainedError), r.solve?.status.rawValue ?? "", r.verdict])
            }
            out += "\nrounds (\(metric) on the training split; surrogate = the formulation's prediction, "
                + "linear = predicted labels of the linear model, retrained = after actually retraining):\n"
            out += t.render()
        }
        out += "\n\(metric) on train: surrogate prediction \(surrogate.map { formatted($0) } ?? "n/a"), "
            + "retrained \(formatted(retrained)) (before \(formatted(trainBefore)))\n\n"
        if let undefined { out += "n/a on test: \(undefined)\n\n" }
        if let e = configuration?.maxErrorIncrease, audits.trainAfter.errorRate > audits.trainBefore.errorRate + e + 1e-12 {
            out += "warning: the retrained training error \(formatted(audits.trainAfter.errorRate)) exceeds the cap "
                + "\(formatted(audits.trainBefore.errorRate)) + \(formatted(e)) (the linear model underestimated it)\n\n"
        }
        for (split, reasons) in [("train", degenerate.train), ("test", degenerate.test)] where !reasons.isEmpty {
            out += "warning: degenerate fairness on \(split): \(reasons.joined(separator: "; ")); the gap may have closed "
                + "by predicting a group all one way or by giving up accuracy (see --max-error-increase)\n"
        }
        if degenerate.flagged { out += "\n" }
        out += AuditTable.render([("train before", audits.trainBefore), ("train after", audits.trainAfter),
                                  ("test before", audits.testBefore), ("test after", audits.testAfter)])
        if let timing {
            out += "\ntime: \(formatted(timing.totalSeconds, digits: 2)) s total"
            if let s = timing.solverSeconds { out += ", \(formatted(s, digits: 2)) s in CBC" }
            out += "\n"
        }
        return out
    }
}

/// Numbers wrapped into lines of about 100 characters, indented.
func wrapped(_ items: [String], width: Int = 100) -> String {
    guard !items.isEmpty else { return "  (none)" }
    var lines: [String] = [], line = " "
    for item in items {
        if line.count + item.count + 1 > width { lines.append(line); line = " " }
        line += " " + item
    }
    lines.append(line)
    return lines.joined(separator: "\n")
}
