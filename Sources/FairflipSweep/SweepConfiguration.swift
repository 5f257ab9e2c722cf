import FairflipFairness
import FairflipPlanners
import Foundation

/// Everything a sweep needs: the instance, the grid (alphas × seeds × methods × budgets),
/// parallelism, the shard and the output folder.
public struct SweepConfiguration: Sendable {
    /// The instance spec (TOML).
    public var specPath: String
    /// Budgets, ascending; 0 records the base model.
    public var budgets: [Int]
    /// Planners to compare, in report order.
    public var planners: [any Planner]
    /// Seeds; each draws the collective (for a fraction collective) and seeds the planner.
    public var seeds: [Int]
    /// Whether each seed also re-splits train/test (`--split-seeds`): the spec's rows (a train and
    /// a test file pooled) are split with `split_seed` = the seed, so methods are compared over
    /// several splits.
    public var splitSeeds: Bool
    /// Collective fractions; nil keeps the spec's collective (its alpha, or its membership column).
    public var alphas: [Double]?
    /// The metric the planners lower; nil = the spec's.
    public var metric: FairnessMetric?
    /// Cells run at once, each on its own thread.
    public var jobs: Int
    public var shard: Shard
    /// The folder `results.csv` (or the shard's file) goes to.
    public var output: String
    /// Record wall times; off gives byte-reproducible results files (tests).
    public var timing: Bool

    public init(specPath: String, budgets: [Int], planners: [any Planner], seeds: [Int], splitSeeds: Bool = false,
                alphas: [Double]? = nil, metric: FairnessMetric? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                shard: Shard = .whole, output: String, timing: Bool = true) {
        self.specPath = specPath
        self.budgets = budgets
        self.planners = planners
        self.seeds = seeds
        self.splitSeeds = splitSeeds
        self.alphas = alphas
        self.metric = metric
        self.jobs = jobs
        self.shard = shard
        self.output = output
        self.timing = timing
    }

    /// The path of the results file this configuration writes.
    public var resultsPath: String { (output as NSString).appendingPathComponent(shard.fileName) }
}

/// Resolves `--methods`: `all` (every registered planner) or a comma-separated list of names.
public enum PlannerSelection {
    /// The planners named by `text`, in registry order for `all` and in the given order otherwise;
    /// an unknown name is an error that lists the known ones.
    public static func resolve(_ text: String, from registry: [any Planner]) throws(SweepError) -> [any Planner] {
        let names = registry.map(\.name)
        if text.trimmingWhitespace() == "all" {
            guard !registry.isEmpty else { throw SweepError("no planner is registered in this build") }
            return registry
        }
        var out: [any Planner] = []
        for name in text.split(separator: ",").map({ $0.trimmingWhitespace() }) where !name.isEmpty {
            guard let p = registry.first(where: { $0.name == name }) else {
                let known = names.isEmpty ? "none is registered in this build" : "known: \(names.joined(separator: ", "))"
                throw SweepError("unknown method '\(name)' (\(known))")
            }
            if !out.contains(where: { $0.name == name }) { out.append(p) }
        }
        guard !out.isEmpty else { throw SweepError("name at least one method, or 'all'") }
        return out
    }
}
