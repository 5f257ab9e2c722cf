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
    var rows: [Row]

    /// Runs every planner of `planners` (configured already) at `budget`, in order.
    static func run(context: PlanningContext, budget: Int, planners: [any Planner],
                    progress: @escaping @Sendable (String) -> Void) throws -> Comparison {
        var rows: [Row] = []
        for planner in planners {
            progress("method \(planner.name)")
            let start = Date()
            do {
                let plan = try planner.plan(context, budget: budget, progress: progress)
                let evaluation = try PlanEvaluation(plan: plan, context: context)
                let test = evaluation.testValue(of: context.metric)
                rows.append(Row(method: planner.name, flips: plan.flips.count,
                                train: try evaluation.trainValue(of: context.metric).get(), test: try? test.get(),
                                trainError: evaluation.train.errorRate, testError: evaluation.test.errorRate,
                                seconds: Date().timeIntervalSince(start), best: false,
                                undefined: test.failure.map { "\($0)" }))
            } catch {
                rows.append(Row(method: planner.name, flips: 0, train: nil, test: nil, trainError: nil, testError: nil,
                                seconds: Date().timeIntervalSince(start), best: false, failure: "\(error)"))
            }
        }
        let ok = rows.indices.filter { rows[$0].failure == nil }
        if let best = ok.min(by: { rows[$0].train! != rows[$1].train! ? rows[$0].train! < rows[$1].train! : rows[$0].flips < rows[$1].flips }) {
            rows[best].best = true
        }
        return Comparison(metric: context.metric.rawValue, budget: budget, rows: rows)
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
        for r in rows { if let failure = r.failure { out += "\(r.method) failed: \(failure)\n" } }
        if let undefined = rows.lazy.compactMap(\.undefined).first { out += "n/a on test: \(undefined)\n" }
        return out
    }

    enum CodingKeys: String, CodingKey { case metric, budget, rows }
}
