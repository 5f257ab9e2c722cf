import ArgumentParser
import FairflipData
import FairflipFairness
import FairflipPlanners
import FairflipReports
import FairflipResults
import Foundation

/// `fairflip evaluate`: read a plan made elsewhere (a flips.csv, or a MIP solver's solution of
/// an exported MPS file), retrain with it and report exactly as `fairflip plan` does.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Retrain with a plan read from a file and report it as 'plan' does.",
        discussion: """
            --flips FILE reads fairflip's own flips.csv, or any CSV whose one column holds line numbers of the \
            training data file. --solution FILE --sidecar FILE.json reads a CBC, HiGHS or SCIP solution of an MPS \
            file written by 'fairflip export-mps' (the sidecar maps its flip columns to data rows). Every flipped \
            row must be a candidate of the spec's collective.
            """)

    @OptionGroup var options: InstanceOptions

    @Option(help: ArgumentHelp("A CSV of training-file line numbers to flip (fairflip's flips.csv, or one column).", valueName: "file"))
    var flips: String?

    @Option(help: ArgumentHelp("A solver's solution of an MPS file from 'fairflip export-mps' (CBC, HiGHS or SCIP format).", valueName: "file"))
    var solution: String?

    @Option(help: ArgumentHelp("The JSON sidecar export-mps wrote next to the MPS file (with --solution).", valueName: "file"))
    var sidecar: String?

    @Option(help: "The fairness metric to report (default: the sidecar's, else the spec's).")
    var metric: FairnessMetric?

    @Option(help: "Write plan.json and flips.csv into this folder (created if missing).")
    var out: String?

    @Flag(help: "Print plan.json's content on stdout instead of the text report.")
    var json = false

    func validate() throws {
        switch (flips, solution, sidecar) {
        case (.some, nil, nil), (nil, .some, .some): break
        case (.some, _, _): throw ValidationError("give either --flips or --solution with --sidecar, not both")
        case (nil, .some, nil): throw ValidationError("--solution needs --sidecar (the JSON file export-mps wrote next to the MPS file)")
        case (nil, nil, .some): throw ValidationError("--sidecar goes with --solution")
        case (nil, nil, nil): throw ValidationError("give the plan: --flips FILE, or --solution FILE --sidecar FILE.json")
        }
        if let out { try OutputPath.check(out, as: .folder, flag: "--out") }
    }

    func run() throws {
        let progress = Progress(quiet: options.quiet)
        let (report, files) = try reportingErrors { () throws -> (PlanReport, [(String, String)]) in
            progress.note("loading \(options.spec)")
            let instance = try Instance(specPath: options.spec)
            let side = try sidecar.map { path throws(InputError) in try Sidecar(path: path) }
            var chosen = metric
            if chosen == nil, let name = side?.metric {
                guard let m = FairnessMetric(rawValue: name) else {
                    throw InputError(file: sidecar ?? "", line: nil, key: "metric", "unknown metric '\(name)'")
                }
                chosen = m
            }
            let context = try PlanningContext(instance: instance, metric: chosen, seed: side?.seed ?? 0)
            let read: ReadPlan
            if let flips {
                read = try FlipsFile.read(flips, context: context)
            } else if let solution, let side, let sidecar {
                read = try SolutionFile(path: solution).plan(path: solution, sidecar: side, sidecarPath: sidecar, context: context)
            } else {
                throw ValidationError("give the plan: --flips FILE, or --solution FILE --sidecar FILE.json")
            }
            progress.note("retraining with \(read.flips.count) flips")
            let plan = Plan(method: "evaluate", flips: read.flips, notes: [read.origin])
            let evaluation = try PlanEvaluation(plan: plan, context: context)
            let budget = side?.budget ?? read.flips.count
            let report = PlanReport(context: context, plan: plan, evaluation: evaluation, budget: budget, budgetLabel: "\(budget)",
                                    mip: nil, configuration: nil, seconds: nil)
            let json = try JSONOutput.encode(report)
            return (report, [("plan.json", json), ("flips.csv", report.flipsCSV(context: context))])
        }
        try PlanReport.emit(text: json ? files[0].1 : report.text, files: files, out: out, progress: progress)
    }
}
