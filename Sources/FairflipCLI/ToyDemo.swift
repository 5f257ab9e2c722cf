import FairflipData
import FairflipFairness
import FairflipLearning
import FairflipPlanners
import FairflipReports
import Foundation

/// `fairflip demo`: one plan on a two-feature instance (the toy), its before/after audit
/// and the 2-D picture of who flips and how the decision boundary moves.
public struct ToyDemo: Sendable {
    /// The planner used and why.
    public let method: String
    public let choice: String
    public let context: PlanningContext
    /// The spec's numeric features (the picture's axes are the first two).
    private let numericFeatures: [String]?
    public let plan: Plan
    public let after: PlanEvaluation
    /// Audits of the base model.
    public let beforeTrain: FairnessAudit
    public let beforeTest: FairnessAudit

    /// Plans with the first planner that declares itself preferred for the demo, else with the
    /// method whose plan has the lowest training metric after retraining.
    public init(specPath: String, budget: Int, planners: [any Planner],
                note: @escaping @Sendable (String) -> Void = { _ in }) throws {
        let spec = try InstanceSpec(contentsOf: specPath)
        numericFeatures = spec.numeric
        let ctx = try PlanningContext(instance: try Instance(spec: spec))
        context = ctx
        let inst = ctx.instance
        beforeTrain = FairnessAudit(truth: inst.train.truth, predictions: ctx.baseModel.predictions(inst.train.features),
                                    groups: inst.train.groups)
        beforeTest = FairnessAudit(truth: inst.test.truth, predictions: ctx.baseModel.predictions(inst.test.features),
                                   groups: inst.test.groups)
        if let p = planners.first(where: { $0.capabilities.preferredForDemo }) {
            note("planning with \(p.name), k = \(budget)")
            plan = try p.plan(ctx, budget: budget, progress: note)
            after = try PlanEvaluation(plan: plan, context: ctx)
            method = p.name
            choice = "\(p.name) (k = \(budget))"
            return
        }
        guard !planners.isEmpty else { throw PlanningError("no planner is registered in this build") }
        var best: (name: String, plan: Plan, eval: PlanEvaluation, value: Double)?
        var failures: [String] = []
        for p in planners {
            note("no preferred method is registered; trying \(p.name), k = \(budget)")
            do {
                let plan = try p.plan(ctx, budget: budget, progress: { _ in })
                let eval = try PlanEvaluation(plan: plan, context: ctx)
                let v = eval.train.value(of: ctx.metric)
                if best == nil || v < best!.value { best = (p.name, plan, eval, v) }
            } catch { failures.append("\(p.name): \(error)") }
        }
        guard let best else { throw PlanningError("every registered planner failed: \(failures.joined(separator: "; "))") }
        plan = best.plan
        after = best.eval
        method = best.name
        choice = "no preferred method is registered; using \(best.name), the best of \(planners.count) registered "
            + "method(s) by train \(ctx.metric.rawValue) after retraining (k = \(budget))"
    }

    /// The before/after audit table (train and test).
    public var auditTable: String {
        AuditTable.render([("train before", beforeTrain), ("train after", after.train),
                           ("test before", beforeTest), ("test after", after.test)])
    }

    /// The headline: metric before → after (% cut) and error before → after, train and test.
    public var headline: String {
        let m = context.metric
        func line(_ split: String, _ b: FairnessAudit, _ a: FairnessAudit) -> String {
            let (x, y) = (b.value(of: m), a.value(of: m))
            let cut = x > 0 ? " (\(formatted(100 * (x - y) / x, digits: 1))% cut)" : ""
            return "\(split): \(m.rawValue) \(formatted(x)) → \(formatted(y))\(cut); "
                + "error \(formatted(b.errorRate)) → \(formatted(a.errorRate))"
        }
        return "\(plan.flips.count) flips by \(method)\n" + line("train", beforeTrain, after.train) + "\n"
            + line("test ", beforeTest, after.test) + "\n"
    }

    /// The 2-D picture as SVG.
    public func picture() throws -> String { try toyPicture().render() }

    /// The 2-D picture: training points in the CSV's own coordinates (the first two numeric
    /// features), flips ringed, each group's boundary before and after (in that order: minority
    /// before, minority after, then the majority's when the model sees the group).
    public func toyPicture() throws -> ToyPicture {
        let inst = context.instance
        guard let numeric = numericFeatures, numeric.count >= 2,
              let jx = inst.featureNames.firstIndex(of: numeric[0]),
              let jy = inst.featureNames.firstIndex(of: numeric[1]), inst.dimension <= 5
        else { throw InputError(file: inst.origin, "the demo picture needs an instance with two numeric features (like instances/toy.toml)") }
        let table = try CSVTable(contentsOf: inst.train.file)
        guard let cx = table.header.firstIndex(of: numeric[0]), let cy = table.header.firstIndex(of: numeric[1])
        else { throw InputError(file: inst.train.file, "no columns \(numeric[0]), \(numeric[1])") }
        var recordOfLine: [Int: Int] = [:]
        for (r, l) in table.lines.enumerated() { recordOfLine[l] = r }
        let flipped = Set(plan.flips)
        var points: [ToyPicture.Point] = []
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<inst.train.count {
            guard let r = recordOfLine[inst.train.lines[i]],
                  let x = Double(table.rows[r][cx].trimmingCharacters(in: .whitespaces)), let y = Double(table.rows[r][cy].trimmingCharacters(in: .whitespaces))
            else { throw InputError(file: inst.train.file, line: inst.train.lines[i], "no numeric \(numeric[0]), \(numeric[1])") }
            xs.append(x)
            ys.append(y)
            points.append(.init(x: x, y: y, minority: inst.train.groups[i] == .minority,
                                positive: inst.train.labels[i] >= 0.5, flipped: flipped.contains(i)))
        }
        // The loader standardises with the training split's mean and population sd.
        func stats(_ v: [Double]) -> (Double, Double) {
            let m = v.reduce(0, +) / Double(v.count)
            let sd = (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count)).squareRoot()
            return (m, sd > 0 ? sd : 1)
        }
        let (mx, sdx) = stats(xs), (my, sdy) = stats(ys)
        func groupColumn(_ group: Group) -> Int? { inst.sensitiveColumns.first { $0.group == group }?.index }
        let minorityColumn = groupColumn(.minority)
        let majorityColumn = groupColumn(.majority)
        func boundary(_ model: FittedModel, group: Int?, label: String, color: String, dash: String?) -> ToyPicture.Boundary {
            let t = model.parameters
            let a = t[jx] / sdx, b = t[jy] / sdy
            let c = t[t.count - 1] + (group.map { t[$0] } ?? 0) - a * mx - b * my
            return .init(label: label, a: a, b: b, c: c, color: color, dash: dash)
        }
        let base = context.baseModel, retrained = after.model
        var boundaries = [
            boundary(base, group: minorityColumn, label: "minority boundary, before", color: "#888888", dash: nil),
            boundary(retrained, group: minorityColumn, label: "minority boundary, after", color: "#000000", dash: nil),
        ]
        if !inst.sensitiveColumns.isEmpty {
            boundaries += [
                boundary(base, group: majorityColumn, label: "majority boundary, before", color: "#888888", dash: "7,5"),
                boundary(retrained, group: majorityColumn, label: "majority boundary, after", color: "#000000", dash: "7,5"),
            ]
        }
        var pic = ToyPicture(title: "\(inst.name): \(plan.flips.count) minority flips by \(method)",
                             xLabel: numeric[0], yLabel: numeric[1], points: points, boundaries: boundaries)
        let m = context.metric
        pic.subtitle = "training split; train \(m.rawValue) \(formatted(beforeTrain.value(of: m))) → "
            + "\(formatted(after.train.value(of: m))), error \(formatted(beforeTrain.errorRate)) → "
            + "\(formatted(after.train.errorRate)); boundaries: score = 0 for each group"
        return pic
    }
}
