import FairflipConcurrency
import FairflipPlanners
import FairflipReports
import Foundation

/// `fairflip plan --method all`: every registered planner at one budget, side by side.
struct Comparison: Encodable {
    struct Row: Encodable {
        var method: String
        var flips: Int
        var train: Double?
        var test: Double?
        var trainError: Double?
        var testError: Double?
        var seconds: Double
        var best: Bool
        var failure: String?
        /// Why the test metric is undefined (`test` is then absent).
        var undefined: String?
    }

    var metric: String
    var budget: Int
    /// The whole comparison's wall-clock limit (`--time-limit`, counted from the command's start).
    var timeLimit: Double?
    /// What the planners with a deadline of their own (the MIP) were given of it.
    var deadlineSeconds: Double?
    var rows: [Row]

    /// Runs every planner of `planners` (configured already) at `budget`. Those with a deadline
    /// of their own (`PlannerSettings.Key.timeLimit`: the MIP) each run on a thread of their own,
    /// alongside the others, which run one after another on the calling thread; rows keep the
    /// order of `planners`. Each row's time is its plan and its retrain.
    static func run(context: PlanningContext, budget: Int, planners: [any Planner], timeLimit: Double? = nil,
                    deadlineSeconds: Double? = nil, progress: @escaping @Sendable (String) -> Void) throws -> Comparison {
        let alongside = planners.indices.filter { planners[$0].capabilities.settings.contains(.timeLimit) }
        let results = Locked([Row?](repeating: nil, count: planners.count))
        let group = DispatchGroup()
        for i in alongside {
            let planner = planners[i]
            DispatchQueue.global().async(group: group) {
                let row = Self.row(planner, context: context, budget: budget, progress: progress)
                results.withLock { $0[i] = row }
            }
        }
        for i in planners.indices where !alongside.contains(i) {
            let row = Self.row(planners[i], context: context, budget: budget, progress: progress)
            results.withLock { $0[i] = row }
        }
        group.wait()
        var rows = results.withLock { $0 }.map { $0! }
        let ok = rows.indices.filter { rows[$0].failure == nil }
        if let best = ok.min(by: { rows[$0].train! != rows[$1].train! ? rows[$0].train! < rows[$1].train! : rows[$0].flips < rows[$1].flips }) {
            rows[best].best = true
        }
        return Comparison(metric: context.metric.rawValue, budget: budget, timeLimit: timeLimit, deadlineSeconds: deadlineSeconds,
                          rows: rows)
    }

    /// One planner's row: its plan, retrained on the whole split, or why it failed.
    private static func row(_ planner: any Planner, context: PlanningContext, budget: Int,
                            progress: @escaping @Sendable (String) -> Void) -> Row {
        progress("method \(planner.name)")
        let start = Date()
        do {
            let plan = try planner.plan(context, budget: budget, progress: progress)
            let evaluation = try PlanEvaluation(plan: plan, context: context)
            let test = evaluation.testValue(of: context.metric)
            return Row(method: planner.name, flips: plan.flips.count,
                       train: try evaluation.trainValue(of: context.metric).get(), test: try? test.get(),
                       trainError: evaluation.train.errorRate, testError: evaluation.test.errorRate,
                       seconds: Date().timeIntervalSince(start), best: false, undefined: test.failure.map { "\($0)" })
        } catch {
            return Row(method: planner.name, flips: 0, train: nil, test: nil, trainError: nil, testError: nil,
                       seconds: Date().timeIntervalSince(start), best: false, failure: "\(error)")
        }
    }

    var text: String {
        var t = TextTable(headers: ["method", "flips", "train \(metric)", "test \(metric)", "train error", "test error", "time (s)", "best"])
        for r in rows {
            if r.failure != nil {
                t.append([r.method, "-", "-", "-", "-", "-", formatted(r.seconds, digits: 2), "failed"])
            } else {
                t.append([r.method, "\(r.flips)", formatted(r.train!), r.test.map { formatted($0) } ?? "n/a", formatted(r.trainError!),
                          formatted(r.testError!), formatted(r.seconds, digits: 2), r.best ? "*" : ""])
            }
        }
        var out = "budget \(budget); lower is better; * marks the lowest retrained train \(metric)\n" + t.render()
        if let timeLimit, let deadlineSeconds {
            out += "time limit \(formatted(timeLimit, digits: 1)) s for the whole command: the MIP ran alongside the others "
                + "with \(formatted(deadlineSeconds, digits: 1)) s; the others are not cut off\n"
        }
        for r in rows { if let failure = r.failure { out += "\(r.method) failed: \(failure)\n" } }
        if let undefined = rows.lazy.compactMap(\.undefined).first { out += "n/a on test: \(undefined)\n" }
        return out
    }

    enum CodingKeys: String, CodingKey { case metric, budget, timeLimit, deadlineSeconds, rows }
}
