extension SweepPlots {
    /// The generalisation gap (train metric − test metric) against budget, one line per method
    /// (mean over seeds), band = min–max over seeds. Below 0: the plan looked fairer on the rows
    /// it was planned on than it is on unseen rows.
    public static func generalisationGap(_ s: SweepSummary, alpha: Double?) -> String? {
        var plot = SVGPlot(title: "Generalisation gap, train − test \(s.metric.rawValue) (\(s.instance), alpha = \(SweepSummary.alphaText(alpha)))",
                           xLabel: "budget k (flips allowed)", yLabel: "train − test \(s.metric.rawValue)")
        plot.subtitle = "line: mean over \(s.seeds.count) seed(s); band: min–max; below 0: fairer on train than on test"
        plot.includeY = [0]
        for (i, m) in s.methods.enumerated() {
            let stats = s.budgets.compactMap { k -> (Int, SweepSummary.Stat)? in
                s.cell(alpha: alpha, method: m, budget: k).flatMap(s.generalisationGap).map { (k, $0) }
            }
            guard !stats.isEmpty else { continue }
            plot.series.append(.init(name: m, color: Palette.color(i), marker: Palette.marker(i),
                                     points: stats.map { (Double($0.0), $0.1.mean) },
                                     band: stats.map { (Double($0.0), $0.1.min, $0.1.max) }))
        }
        return plot.series.isEmpty ? nil : plot.render()
    }
}
