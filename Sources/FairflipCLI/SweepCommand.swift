import ArgumentParser
import FairflipConcurrency
import FairflipFairness
import FairflipLinearAlgebra
import FairflipPlanners
import FairflipReports
import FairflipSweep
import Foundation

/// `fairflip sweep`: every method × budget × seed × alpha on one instance, into `results.csv`,
/// resumable and shardable, then the report.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Benchmark planners over budgets, seeds and collective sizes; write results.csv and a report.",
        discussion: """
            One results row per (alpha, seed, method, budget). Rerunning the same command resumes: cells \
            already in results.csv are not recomputed. --shard i/N runs every N-th cell (for job arrays); \
            `fairflip report DIR` merges the shards. Ctrl-C stops the sweep (exit status 130) and keeps every \
            finished cell for the resume. See docs/sweeps.md.
            """)

    @Argument(help: "The instance spec (TOML), e.g. instances/compas.toml.")
    var spec: String

    @Option(parsing: .unconditional,
            help: "Budgets: start:stop:step (stop included), a list, or both, e.g. 0:200:20 or 0,5,10 (default: 0:20:5).",
            transform: { try BudgetList.parse($0) })
    var budgets: [Int] = [0, 5, 10, 15, 20]

    @Option(help: "Methods: 'all' (every registered planner, the default) or a comma-separated list of names.",
            transform: { try PlannerSelection.resolve($0, from: PlannerRegistry.all) })
    var methods: [any Planner] = PlannerRegistry.all

    @Option(parsing: .unconditional,
            help: "Number of seeds (seeds first-seed ..< first-seed + N); each draws the collective and seeds the planner.")
    var seeds: Int = 1

    @Option(name: .customLong("split-seeds"),
            help: "Number of seeds that each also re-split train/test (split_seed = the seed); replaces --seeds. A spec with train and test files is re-split from both files' rows pooled, at the test file's share.")
    var splitSeeds: Int?

    @Option(help: "The first seed.")
    var firstSeed: Int = 0

    @Option(parsing: .unconditional, help: "Collective fractions of the minority, comma-separated (default: the spec's collective).",
            transform: parseAlphas)
    var alphas: [Double]?

    @Option(help: "Fairness metric the planners lower (default: the spec's).")
    var metric: FairnessMetric?

    @Option(parsing: .unconditional,
            help: "Cells run in parallel, at most the number of active processors (the default); each cell's planner gets an equal share of the cores.")
    var jobs: Int?

    @Option(help: "Run only shard i of N (cells with index % N == i), e.g. 0/4.", transform: { try Shard(parsing: $0) })
    var shard: Shard?

    @Option(name: .customLong("mip-time-limit"), parsing: .unconditional,
            help: "Wall-clock limit of the whole MIP plan per cell in seconds (default: 60): starts, solves, gradient start and refinement share it.")
    var mipTimeLimit: Double?

    @Option(name: .customLong("mip-node-limit"), parsing: .unconditional,
            help: "Branch-and-bound nodes per MIP solve at most (default: none). With a --mip-time-limit that does not bind, the MIP's cells are the same on every run, whatever --jobs and the machine's load.")
    var mipNodeLimit: Int?

    @Option(name: .customLong("mip-rounds"), parsing: .unconditional,
            help: "Refinement rounds of the MIP per cell at most (default: 5; 0: the first solve only).")
    var mipRounds: Int?

    @Option(parsing: .unconditional,
            help: "Score margin of the MIP's hard objective: a prediction only counts as changed once its linear score moves past +-margin (default: 0: exact).")
    var margin: Double?

    @Option(name: .customLong("accept-tau"), parsing: .unconditional, help: PlannerSettings.acceptTauHelp)
    var acceptTau: Double?

    @Option(name: .customLong("mip-planning-rows"),
            help: "The MIP plans on a seeded subsample of this many training rows (large data), and greedy-retrain on every candidate plus this many other rows; default: all rows.")
    var mipPlanningRows: Int?

    @Option(parsing: .unconditional,
            help: PlannerSettings.shortlistHelp)
    var shortlist: Int?

    @Option(name: .customLong("mip-variant"), parsing: .singleValue,
            help: "Also run a MIP with other settings under its own name: NAME=key:value,... (keys: formulation, tau, margin, accept-tau, rounds, time-limit, node-limit, planning-rows, gradient-start); repeatable.")
    var mipVariants: [String] = []

    @Option(help: "Output folder.")
    var out: String = "results"

    @Flag(help: "Do not write report.md and report.html at the end (shards never do: run `fairflip report`).")
    var noReport = false

    @Flag(name: .shortAndLong, help: "Silence the progress bar.")
    var quiet = false

    func validate() throws {
        try OutputPath.check(out, as: .folder, flag: "--out")
        guard seeds >= 1 else { throw ValidationError("--seeds: at least 1 seed, got \(seeds)") }
        if let splitSeeds {
            guard splitSeeds >= 1 else { throw ValidationError("--split-seeds: at least 1 seed, got \(splitSeeds)") }
            guard seeds == 1 else { throw ValidationError("--split-seeds replaces --seeds: give one of them") }
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs: at least 1 cell at a time, got \(jobs)") }
        try settings.checked(flags: [.timeLimit: "--mip-time-limit", .nodeLimit: "--mip-node-limit", .rounds: "--mip-rounds", .margin: "--margin", .acceptanceTau: "--accept-tau",
                                     .planningRows: "--mip-planning-rows", .shortlist: "--shortlist"])
        do { _ = try planners() } catch { throw ValidationError(error.message) }
    }

    /// The settings every planner of the sweep gets (each applies those it honours).
    private var settings: PlannerSettings {
        var s = PlannerSettings()
        s.timeLimit = mipTimeLimit
        s.rounds = mipRounds
        s.nodeLimit = mipNodeLimit
        s.margin = margin
        s.acceptanceTau = acceptTau
        s.planningRows = mipPlanningRows
        s.shortlist = shortlist
        s.threads = threadBudget.threadsPerJob
        return s
    }

    /// One thread budget for the process: jobs × each plan's threads <= the cores.
    private var threadBudget: ThreadBudget { ThreadBudget(jobs: jobs ?? ThreadBudget.cores) }

    /// The selected planners with the sweep's settings, followed by the `--mip-variant` ones
    /// (whose names must be new).
    private func planners() throws(SweepError) -> [any Planner] {
        var out = methods.map { $0.configured(settings) }
        for text in mipVariants {
            let v = try MIPVariant(parsing: text, base: settings)
            guard !PlannerRegistry.names.contains(v.name), !out.contains(where: { $0.name == v.name }) else {
                throw SweepError("--mip-variant: the name '\(v.name)' is taken; choose another")
            }
            out.append(v)
        }
        return out
    }

    func run() throws {
        let outcome = try reportingErrors { () throws -> Sweep.Outcome in
            // Cells run side by side on their own threads: BLAS gets each cell's share of the cores,
            // not threads of its own on top (two dutch gradient cells at --jobs 2: 11.45 s -> 5.23 s,
            // Benchmarks/scale/sweep_jobs.sh).
            BLAS.setThreads(threadBudget.threadsPerJob)
            let config = SweepConfiguration(
                specPath: spec, budgets: budgets, planners: try planners(),
                seeds: Array(firstSeed..<(firstSeed + (splitSeeds ?? seeds))), splitSeeds: splitSeeds != nil,
                alphas: alphas, metric: metric,
                jobs: threadBudget.jobs, shard: shard ?? .whole, output: out)
            let bar = ProgressBar(quiet: quiet)
            let interruption = Interruption.handle {
                "the cells finished so far are in \(config.resultsPath); run the same command again to resume"
            }
            defer { interruption.cancel() }
            let outcome = try Sweep.run(config) { bar.show($0) }
            bar.finish()
            return outcome
        }
        let progress = Progress(quiet: quiet)
        progress.note("\(outcome.resultsPath): \(outcome.computed) cell(s) computed, \(outcome.skipped) resumed, "
                      + "\(outcome.failed) error(s)")
        if let shard, shard.count > 1 {
            // Shards of an array job finish in any order: the report is built once, from all of them.
            progress.note("shard done; when every shard is, run: fairflip report \(out)")
        } else if !noReport {
            try reportingErrors {
                let paths = try SweepReport(folder: out).write(to: out)
                progress.note("report: \(paths.joined(separator: ", "))")
            }
        }
    }
}

/// A progress bar on stderr: redrawn in place (at most 4 times a second) on a terminal; in a
/// log file (a batch job) one line every 30 seconds and at the end.
final class ProgressBar: Sendable {
    private let quiet: Bool
    private let terminal = isatty(2) != 0
    private let start = Date()
    /// When the bar was last drawn, and whether it was drawn in place (a newline then ends it).
    private let drawing = Locked((last: -Double.infinity, drawn: false))

    init(quiet: Bool) { self.quiet = quiet }

    func show(_ p: SweepProgress) {
        guard !quiet else { return }
        drawing.withLock { d in
            let now = Date().timeIntervalSince(start)
            guard p.done == p.total || now - d.last >= (terminal ? 0.25 : 30) else { return }
            d.last = now
            if terminal {
                d.drawn = true
                FileHandle.standardError.write(Data(("\r" + p.bar() + "   ").utf8))
            } else {
                FileHandle.standardError.write(Data((p.bar() + "\n").utf8))
            }
        }
    }

    func finish() {
        drawing.withLock { d in
            if d.drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}

/// Parses `--alphas`: comma-separated fractions in (0, 1].
private func parseAlphas(_ text: String) throws -> [Double] {
    try text.split(separator: ",").map { item throws -> Double in
        let t = item.trimmingCharacters(in: .whitespaces)
        guard let a = Double(t) else { throw ValidationError("'\(t)' is not a number") }
        guard a > 0 && a <= 1 else { throw ValidationError("\(a) is not a fraction in (0, 1]") }
        return a
    }
}
