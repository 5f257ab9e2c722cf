import FairflipResults

/// The report's figures, drawn from a `SweepSummary`. Each function returns an SVG document,
/// or nil when the results hold nothing to draw.
public enum SweepPlots {
    /// Test metric against budget, one line per method (mean over seeds), band = min–max over seeds.
    public static func metricVsBudget(_ s: SweepSummary, alpha: Double?) -> String? {
        var plot = SVGPlot(title: "Test \(s.metric.rawValue) vs budget (\(s.instance), alpha = \(SweepSummary.alphaText(alpha)))",
                           xLabel: "budget k (flips allowed)", yLabel: "test \(s.metric.rawValue) (lower is fairer)")
        plot.subtitle = "line: mean over \(s.seeds.count) seed(s); band: min–max over seeds"
        plot.includeY = [0]
        for (i, m) in s.methods.enumerated() {
            let cells = s.budgets.compactMap { k in s.cell(alpha: alpha, method: m, budget: k)?.testMetric.map { (k, $0) } }
            guard !cells.isEmpty else { continue }
            plot.series.append(.init(name: m, color: Palette.color(i), marker: Palette.marker(i),
                                     points: cells.map { (Double($0.0), $0.1.mean) },
                                     band: cells.map { (Double($0.0), $0.1.min, $0.1.max) }))
        }
        return plot.series.isEmpty ? nil : plot.render()
    }

    /// Test error against test metric (the Pareto view): each method's budgets joined in order,
    /// the base model starred.
    public static func pareto(_ s: SweepSummary, alpha: Double?) -> String? {
        var plot = SVGPlot(title: "Error vs \(s.metric.rawValue), test split (\(s.instance), alpha = \(SweepSummary.alphaText(alpha)))",
                           xLabel: "test \(s.metric.rawValue) (lower is fairer)", yLabel: "test error")
        plot.subtitle = "one point per budget (mean over seeds), joined in budget order; down-left is better"
        for (i, m) in s.methods.enumerated() {
            let pts = s.budgets.filter { $0 > 0 }.compactMap { k -> (x: Double, y: Double)? in
                guard let c = s.cell(alpha: alpha, method: m, budget: k), let x = c.testMetric, let y = c.testError
                else { return nil }
                return (x.mean, y.mean)
            }
            guard !pts.isEmpty else { continue }
            plot.series.append(.init(name: m, color: Palette.color(i), marker: Palette.marker(i), points: pts))
        }
        if let b = s.base(alpha: alpha), let x = b.testMetric, let y = b.testError {
            plot.callouts.append(.init(label: "base", x: x.mean, y: y.mean))
        }
        return plot.series.isEmpty ? nil : plot.render()
    }

    /// Each method's best (lowest over budgets > 0) mean test metric against alpha.
    public static func bestVsAlpha(_ s: SweepSummary) -> String? {
        let alphas = s.alphas.compactMap { $0 }
        guard !alphas.isEmpty else { return nil }
        var plot = SVGPlot(title: "Best test \(s.metric.rawValue) vs collective size (\(s.instance))",
                           xLabel: "alpha (fraction of the minority in the collective)",
                           yLabel: "best mean test \(s.metric.rawValue)")
        plot.subtitle = "for each method and alpha, the budget with the lowest mean over seeds; dashed: base model"
        plot.includeY = [0]
        for (i, m) in s.methods.enumerated() {
            let pts = alphas.compactMap { a -> (x: Double, y: Double)? in
                let means = s.budgets.filter { $0 > 0 }.compactMap { s.cell(alpha: a, method: m, budget: $0)?.testMetric?.mean }
                return means.min().map { (a, $0) }
            }
            guard !pts.isEmpty else { continue }
            plot.series.append(.init(name: m, color: Palette.color(i), marker: Palette.marker(i), points: pts))
        }
        let base = alphas.compactMap { a in s.base(alpha: a)?.testMetric.map { (x: a, y: $0.mean) } }
        if !base.isEmpty {
            plot.series.append(.init(name: "base model", color: "#555555", marker: .star, points: base, dash: "6,4"))
        }
        return plot.series.isEmpty ? nil : plot.render()
    }

    /// Per-group test TPR and FPR of the base model and of the best plan (means over seeds).
    public static func groupRates(_ s: SweepSummary) -> String? {
        guard let best = s.bestOverall, let after = s.cell(alpha: best.alpha, method: best.method, budget: best.budget)
        else { return nil }
        let before = s.base(alpha: best.alpha)
        func means(_ c: SweepSummary.Cell?) -> [Double?] {
            let ok = c?.ok ?? []
            let paths: [KeyPath<SplitFigures, Double?>] = [\.minorityTPR, \.majorityTPR, \.minorityFPR, \.majorityFPR]
            return paths.map { p in SweepSummary.Stat(ok.compactMap { $0.test[keyPath: p] })?.mean }
        }
        var series: [(name: String, color: String, values: [Double?])] = []
        if before != nil { series.append(("before (base model)", "#9E9E9E", means(before))) }
        series.append(("after: \(best.method), k = \(best.budget)", "#0072B2", means(after)))
        var chart = SVGBarChart(title: "Per-group test rates before and after the best plan (\(s.instance))",
                                yLabel: "rate", categories: ["minority TPR", "majority TPR", "minority FPR", "majority FPR"],
                                series: series)
        chart.subtitle = "best plan = lowest mean test \(s.metric.rawValue) over all budgets > 0"
            + " (alpha = \(SweepSummary.alphaText(best.alpha)), means over seeds)"
        return chart.render()
    }

    /// The planners' surrogate prediction of the training metric against the retrained value.
    public static func surrogate(_ s: SweepSummary) -> String? {
        var plot = SVGPlot(title: "Surrogate prediction vs retrained \(s.metric.rawValue), train split (\(s.instance))",
                           xLabel: "planner's predicted train \(s.metric.rawValue)",
                           yLabel: "retrained train \(s.metric.rawValue)")
        plot.subtitle = "one point per cell with a surrogate; on the dashed line the prediction was exact"
        plot.diagonal = true
        for (i, m) in s.methods.enumerated() {
            let pts = s.records.filter { $0.method == m && $0.isOK && $0.budget > 0 }
                .compactMap { r in r.surrogate.flatMap { x in r.train.value(of: s.metric).map { (x: x, y: $0) } } }
            guard !pts.isEmpty else { continue }
            plot.series.append(.init(name: m, color: Palette.color(i), marker: Palette.marker(i), points: pts, connect: false))
        }
        return plot.series.isEmpty ? nil : plot.render()
    }
}
