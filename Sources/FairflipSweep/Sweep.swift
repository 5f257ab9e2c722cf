import FairflipConcurrency
import FairflipData
import FairflipPlanners
import FairflipResults
import Foundation

/// The sweep engine: runs every cell of a configuration's grid (this shard's part) that the
/// results file does not hold yet, in parallel, appending one row per cell.
public enum Sweep {
    /// What a finished sweep did.
    public struct Outcome: Sendable {
        /// The results file written.
        public var resultsPath: String
        /// Cells of this shard.
        public var total: Int
        /// Cells computed by this run.
        public var computed: Int
        /// Cells already in the results file.
        public var skipped: Int
        /// Cells (of this run) that recorded an error.
        public var failed: Int
    }

    /// Runs the sweep. `progress` is called after every finished cell (from worker threads).
    public static func run(_ config: SweepConfiguration,
                           progress: @escaping @Sendable (SweepProgress) -> Void = { _ in }) throws -> Outcome {
        guard !config.budgets.isEmpty else { throw SweepError("no budgets") }
        guard !config.planners.isEmpty else { throw SweepError("no methods") }
        guard !config.seeds.isEmpty else { throw SweepError("no seeds") }
        guard config.jobs >= 1 else { throw SweepError("at least one cell must run at a time (jobs >= 1)") }
        let spec = try InstanceSpec(contentsOf: config.specPath)
        let alphas = try alphaList(config.alphas, spec: spec)

        let cells = SweepCell.grid(alphas: alphas, seeds: config.seeds, methods: config.planners.map(\.name),
                                   budgets: config.budgets)
        var order: [SweepRecord.Key: Int] = [:]
        for c in cells { order[c.key(instance: spec.name)] = c.index }
        let mine = cells.filter { config.shard.contains($0.index) }

        do {
            try FileManager.default.createDirectory(atPath: config.output, withIntermediateDirectories: true)
        } catch { throw SweepError("\(config.output): cannot create the folder") }
        let log = try ResultsLog(path: config.resultsPath)
        // Rows planned for another metric must not pass for this sweep's cells.
        let metric = (config.metric ?? spec.metric).rawValue
        if let other = log.records.first(where: { order[$0.key] != nil && !$0.metric.isEmpty && $0.metric != metric }) {
            throw SweepError("\(config.resultsPath) holds cells planned for \(other.metric), this sweep plans for "
                             + "\(metric); choose another output folder")
        }
        let done = Set(log.records.map(\.key))
        let pending = mine.filter { !done.contains($0.key(instance: spec.name)) }

        let cache = ContextCache(spec: spec, metric: config.metric, splitSeeds: config.splitSeeds, cells: pending)
        if let first = pending.first {
            // Fail fast on data problems (the whole sweep would only record errors).
            _ = try cache.context(alpha: first.alpha, seed: first.seed)
        }
        let planners = Dictionary(config.planners.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let runner = CellRunner(instanceName: spec.name, timing: config.timing, splitSeeds: config.splitSeeds)
        let start = DispatchTime.now().uptimeNanoseconds
        @Sendable func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        let skipped = mine.count - pending.count
        // Shared by the workers: progress so far and the first error that stops the sweep.
        let state = Locked((progress: SweepProgress(done: skipped, total: mine.count, skipped: skipped, failed: 0, elapsed: 0),
                            fatal: SweepError?.none))
        progress(state.withLock { $0.progress })

        WorkerPool.run(count: pending.count, jobs: config.jobs) { i in
            let cell = pending[i]
            let record = runner.run(cell, planner: planners[cell.method]!) {
                try cache.context(alpha: cell.alpha, seed: cell.seed)
            }
            cache.release(alpha: cell.alpha, seed: cell.seed)
            do { try log.append(record) } catch {
                state.withLock { if $0.fatal == nil { $0.fatal = SweepError("\(config.resultsPath): cannot append a row: \(error)") } }
                return false
            }
            progress(state.withLock { s in
                s.progress.done += 1
                if !record.isOK { s.progress.failed += 1 }
                s.progress.elapsed = elapsed()
                return s.progress
            })
            return true
        }
        if let error = state.withLock({ $0.fatal }) { throw error }
        try log.finish(order: order)
        return Outcome(resultsPath: config.resultsPath, total: mine.count, computed: pending.count,
                       skipped: skipped, failed: state.withLock { $0.progress.failed })
    }

    /// The alphas of the grid: the requested ones, or the spec's own collective.
    static func alphaList(_ requested: [Double]?, spec: InstanceSpec) throws(SweepError) -> [Double?] {
        switch spec.collective {
        case .fraction(let alpha, _):
            guard let requested else { return [alpha] }
            for a in requested where !(a > 0 && a <= 1) { throw SweepError("the alpha \(a) is not in (0, 1]") }
            var out: [Double] = []
            for a in requested where !out.contains(a) { out.append(a) }
            return out.sorted()
        case .column(let name):
            if requested != nil {
                throw SweepError("alphas were given, but the spec's collective is the membership column '\(name)', not a fraction")
            }
            return [nil]
        }
    }
}
