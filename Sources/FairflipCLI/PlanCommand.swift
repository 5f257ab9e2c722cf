import ArgumentParser
import FairflipData
import FairflipLinearAlgebra
import FairflipPlanners
import FairflipReports
import FairflipResults
import Foundation

/// `fairflip plan`: compute a collective plan (by default the optimal one, via the MIP), retrain
/// with it and report the plan, the before/after audits and how the planner got there.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Choose which collective members flip their label so the retrained model is fairer.",
        discussion: """
            The default method, mip, solves the flip-selection MIP with CBC on the linearised response of the \
            retrained model, then refines the plan against the actually retrained model. --method NAME runs \
            another registered planner; --method all compares every one at the budget.

            --time-limit bounds the whole plan. With --method all it bounds the whole command, counted from its start \
            (loading included): the MIP runs alongside the other planners, on a thread of its own, with what remains \
            of the limit less 5% + 1 s for its final retrain and the table; the other planners run one after another \
            on the remaining cores and are not cut off (their plans do not depend on time). The table gives each \
            method's time (its plan and its retrain).
            """)

    @OptionGroup var options: InstanceOptions
    @OptionGroup var problem: ProblemOptions
    @OptionGroup var search: SearchOptions

    @Option(help: ArgumentHelp("The planner: \(PlannerRegistry.names.joined(separator: ", ")) (default: \(PlannerRegistry.all[0].name)); or 'all' to compare every one at the budget.", valueName: "name"),
            transform: MethodChoice.parse)
    var method = MethodChoice.one(PlannerRegistry.all[0])

    @Option(parsing: .unconditional,
            help: PlannerSettings.shortlistHelp)
    var shortlist: Int?

    @Option(name: .customLong("shortlist-ranking"), help: PlannerSettings.shortlistRankingHelp)
    var shortlistRanking: GreedyRetrainPlanner.ShortlistRanking?

    @Option(help: "Write plan.json and flips.csv into this folder (created if missing).")
    var out: String?

    @Flag(help: "Print plan.json's content on stdout instead of the text report.")
    var json = false

    @Flag(help: "Include wall times in the JSON (plan.json is then no longer byte-reproducible).")
    var timings = false

    func validate() throws {
        if let out { try OutputPath.check(out, as: .folder, flag: "--out") }
        try settings.checked()
        if case .one(let planner) = method { try settings.refuseUnsupported(by: planner, among: PlannerRegistry.all) }
    }

    func run() throws {
        let progress = Progress(quiet: options.quiet)
        let note: @Sendable (String) -> Void = { progress.note($0) }
        let started = Date()
        let outcome = try reportingErrors { () throws -> (text: String, json: String, files: [(String, String)], failure: String?) in
            progress.note("loading \(options.spec)")
            let instance = try Instance(specPath: options.spec)
            let context = try PlanningContext(instance: instance, metric: problem.metric, seed: problem.seed)
            if instance.collective.isEmpty {
                throw PlanningError("the collective is empty: no minority training row is a member (check [collective] in \(options.spec))")
            }
            if context.candidates.isEmpty {
                throw PlanningError("no collective member may flip in direction '\(instance.direction.rawValue)': all "
                                    + "\(instance.collective.count) members already have the label that direction leads to")
            }
            let budget = try problem.resolvedBudget(candidates: context.candidates.count)
            let budgetLabel = problem.budget == .all || problem.budget == nil ? "all (\(budget))" : "\(budget)"
            guard case .one(let registered) = method else {
                let (all, limit, deadline) = comparisonSettings(elapsed: Date().timeIntervalSince(started))
                // The MIP's thread and the others' share the cores; BLAS adds no threads of its own.
                BLAS.setThreads(1)
                let planners = PlannerRegistry.all.map { $0.configured(all) }
                let table = try Comparison.run(context: context, budget: budget, planners: planners, timeLimit: limit,
                                               deadlineSeconds: deadline, progress: note)
                return (table.text, try JSONOutput.encode(table), [], nil)
            }
            let recorded = try registered.configured(settings).recordedPlan(context, budget: budget, progress: note)
            let plan = recorded.plan
            let mipResult = recorded.record?.result
            progress.note("retraining with the plan")
            let evaluation = try PlanEvaluation(plan: plan, context: context)
            let seconds = Date().timeIntervalSince(started)
            let report = PlanReport(context: context, plan: plan, evaluation: evaluation,
                                    budget: problem.budget == nil ? nil : budget,
                                    budgetLabel: budgetLabel, mip: mipResult, configuration: recorded.record?.configuration,
                                    seconds: timings ? seconds : nil)
            let json = try JSONOutput.encode(report)
            var failure: String?
            if let target = mipResult?.target, !target.reached {
                failure = "the target \(context.metric.rawValue) <= \(formatted(target.target)) is unreachable within "
                    + "\(budget) flips: the best reachable is \(formatted(report.retrained)) with \(plan.flips.count) flips"
            }
            return (report.text, json, [("plan.json", json), ("flips.csv", report.flipsCSV(context: context))], failure)
        }
        if let failure = outcome.failure {
            print(json ? outcome.json : outcome.text, terminator: "")
            printError(failure + (out != nil ? " (no files written)" : ""))
            throw ExitCode(2)
        }
        try PlanReport.emit(text: json ? outcome.json : outcome.text, files: outcome.files, out: out, progress: progress)
    }

    /// `--method all`'s settings, `elapsed` seconds after the command started: the whole command
    /// keeps `--time-limit`. The MIP runs alongside the other planners (`Comparison.run`) with
    /// what remains of the limit less 5% + 1 s for its final retrain and the table; the others
    /// share the cores the MIP's solver threads leave, and are not cut off (their plans do not
    /// depend on time).
    func comparisonSettings(elapsed: Double) -> (settings: PlannerSettings, limit: Double, deadline: Double) {
        var s = settings
        let limit = s.timeLimit ?? MIPPlanner.Configuration().timeLimit
        let deadline = max(1, limit - elapsed - (0.05 * limit + 1))
        s.timeLimit = deadline
        s.threads = max(1, ThreadBudget.cores - (s.solverThreads ?? MIPPlanner.Configuration().threads))
        return (s, limit, deadline)
    }

    /// The planner settings the options give.
    var settings: PlannerSettings {
        var s = problem.settings
        search.apply(to: &s)
        s.shortlist = shortlist
        s.shortlistRanking = shortlistRanking
        return s
    }
}
