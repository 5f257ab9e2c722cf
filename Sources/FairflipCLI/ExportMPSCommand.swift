import ArgumentParser
import FairflipData
import FairflipPlanners
import FairflipReports
import FairflipResults
import FairflipSolver
import Foundation

/// `fairflip export-mps`: write the first planning MIP as free-format MPS, with a JSON sidecar
/// mapping its columns to data rows, so that any MIP solver can be tried on it.
struct ExportMPSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-mps",
        abstract: "Write the flip-selection MIP (first linearisation) as an MPS file with a JSON sidecar.",
        discussion: """
            Columns are named flip_<csv line>, pred_<csv line>, dtheta_<j> and the metric's auxiliary variables; \
            FILE.json lists every column with its data row. A flip column standing for several copies of one \
            training row is an integer counting how many of them flip (FILE.json lists them; a value n flips the \
            first n). The objective is the surrogate metric (or, with \
            --target, the number of flips plus 0.001 times the metric).
            """)

    @OptionGroup var options: InstanceOptions
    @OptionGroup var problem: ProblemOptions

    @Option(name: .shortAndLong, help: "The MPS file to write; the sidecar goes next to it as .json.")
    var output: String

    struct Sidecar: Encodable {
        var instance: String
        var spec: String
        var metric: String
        var formulation: String
        var budget: Int
        var target: Double?
        var maxErrorIncrease: Double?
        var seed: UInt64
        var planningRows: Int
        var changeableRows: Int?
        var sense: String
        var objective: String
        var rows: Int
        var startSource: String?
        var startObjective: Double?
        var columns: [ExportedProblem.Column]
    }

    /// The sidecar's path: the MPS path with `.json` for `.mps`.
    static func sidecarPath(_ mps: String) -> String {
        (mps.hasSuffix(".mps") ? String(mps.dropLast(4)) : mps) + ".json"
    }

    func validate() throws {
        try OutputPath.check(output, as: .file, flag: "--output")
        try OutputPath.check(Self.sidecarPath(output), as: .file, flag: "--output's sidecar")
    }

    func run() throws {
        let progress = Progress(quiet: options.quiet)
        try reportingErrors {
            progress.note("loading \(options.spec)")
            let instance = try Instance(specPath: options.spec)
            let context = try PlanningContext(instance: instance, metric: problem.metric, seed: problem.seed)
            if instance.collective.isEmpty {
                throw PlanningError("the collective is empty: no minority training row is a member (check [collective] in \(options.spec))")
            }
            let budget = try problem.resolvedBudget(candidates: context.candidates.count)
            let planner = MIPPlanner(configuration: MIPPlanner.Configuration(problem: problem, search: nil))
            progress.note("building the \(planner.configuration.formulation.rawValue) MIP at budget \(budget)")
            let exported = try planner.firstProblem(context, budget: budget)
            let p = exported.problem
            let sidecar = Sidecar(
                instance: instance.name, spec: options.spec, metric: context.metric.rawValue,
                formulation: planner.configuration.formulation.rawValue, budget: budget, target: problem.target,
                maxErrorIncrease: problem.maxErrorIncrease, seed: problem.seed,
                planningRows: problem.planningRows.map { min($0, instance.train.count) } ?? instance.train.count,
                changeableRows: exported.changeableRows, sense: "minimize",
                objective: problem.target == nil ? "the surrogate \(context.metric.rawValue)"
                    : "flips + \(0.001) * surrogate \(context.metric.rawValue)",
                rows: p.rowCount, startSource: exported.startSource, startObjective: exported.startObjective,
                columns: exported.columns)
            let sidecarPath = Self.sidecarPath(output)
            let json = try JSONOutput.encode(sidecar)
            let folder = (output as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                throw PlanningError("cannot write \(output): the folder \(folder) does not exist")
            }
            try AtomicFile.write(json, to: sidecarPath)
            do {
                try AtomicFile.write(MPSWriter.text(p), to: output)
            } catch {
                try? FileManager.default.removeItem(atPath: sidecarPath)
                throw PlanningError("cannot write \(output): \(error.localizedDescription)")
            }
            progress.note("wrote \(output) (\(p.columnCount) columns, \(p.rowCount) rows) and \(sidecarPath)")
        }
    }
}
