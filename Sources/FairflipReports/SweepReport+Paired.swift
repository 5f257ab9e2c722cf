/// The report's paired sections: every method against the MIP and against no flips, the best
/// method claimed only where the data support it, and the cells the degenerate guard flagged.
extension SweepReport {
    /// `mean [low, high]` of a paired difference (the interval only with two pairs or more).
    static func difference(_ c: PairedComparison?) -> String {
        guard let c else { return "" }
        let mean = formatted(c.meanDifference, digits: 4)
        guard let i = c.interval else { return mean }
        return "\(mean) [\(formatted(i.lowerBound, digits: 4)), \(formatted(i.upperBound, digits: 4))]"
    }

    /// What a comparison says about the method (lower is better): "better", "worse", "tied within noise".
    static func verdict(_ c: PairedComparison?) -> String {
        guard let c else { return "" }
        switch c.verdict {
        case .better: return "better"
        case .worse: return "worse"
        case .tied: return "tied within noise"
        }
    }

    /// `wins/N`: splits where the method's test metric is strictly lower than the reference's.
    static func wins(_ c: PairedComparison?) -> String {
        guard let c else { return "" }
        return "\(c.wins)/\(c.count)"
    }

    /// Budget × method table of the paired comparisons with the MIP (when the sweep ran it) and
    /// with the base model.
    func pairedTable(_ s: SweepSummary, alpha: Double?) -> ReportTable {
        let ref = SweepSummary.referenceMethod
        let hasReference = s.methods.contains(ref)
        var headers = ["k", "method", "test \(s.metric.rawValue)"]
        if hasReference { headers += ["− \(ref) [95% CI]", "wins vs \(ref)", "vs \(ref)"] }
        headers += ["− no flips [95% CI]", "wins vs no flips", "vs no flips"]
        var t = ReportTable(headers: headers)
        t.numericColumns = hasReference ? [0, 2, 3, 4, 6, 7] : [0, 2, 3, 4]
        for k in s.budgets where k > 0 {
            for m in s.methods {
                guard let c = s.cell(alpha: alpha, method: m, budget: k), c.testMetric != nil else { continue }
                var row = [String(k), m, Self.pm(c.testMetric)]
                if hasReference {
                    let p = m == ref ? nil : s.paired(alpha: alpha, method: m, against: ref, budget: k)
                    row += [Self.difference(p), Self.wins(p), Self.verdict(p)]
                }
                let b = s.pairedWithBase(alpha: alpha, method: m, budget: k)
                row += [Self.difference(b), Self.wins(b), Self.verdict(b)]
                t.append(row)
            }
        }
        return t
    }

    /// One line per budget: the best method where it is significantly lowest, else the methods
    /// tied within noise with the lowest mean.
    func bestLines(_ s: SweepSummary, alpha: Double?) -> [String] {
        s.budgets.filter { $0 > 0 }.compactMap { k in
            switch s.bestClaim(alpha: alpha, budget: k) {
            case .best(let m)?: return "k = \(k): **\(m)** is best (its paired 95% CI lies below 0 against every other method)"
            case .tied(let ms)?:
                return ms.count == 1 ? "k = \(k): only \(ms[0]) ran"
                    : "k = \(k): tied within noise: \(ms.joined(separator: ", ")) (lowest mean first; no paired 95% CI excludes 0)"
            case nil: return nil
            }
        }
    }

    /// The flagged plans: per (k, method), how many seeds gave a degenerate model and the first reason.
    func degenerateTable(_ s: SweepSummary, alpha: Double?) -> ReportTable? {
        var t = ReportTable(headers: ["k", "method", "seeds flagged", "first reason"])
        t.numericColumns = [0, 2]
        for k in s.budgets where k > 0 {
            for m in s.methods {
                guard let c = s.cell(alpha: alpha, method: m, budget: k) else { continue }
                let flagged = c.ok.filter { !$0.degenerate.isEmpty }
                guard let first = flagged.first else { continue }
                t.append([String(k), m, "\(flagged.count)/\(c.ok.count)", first.degenerate])
            }
        }
        return t.rows.isEmpty ? nil : t
    }

    /// The explanation printed above the paired table.
    func pairedIntro(_ s: SweepSummary) -> String {
        let n = s.seeds.count
        let what = s.splitsVary ? "split seed(s) (each re-splits train/test and re-draws the collective)" : "seed(s)"
        return "Paired comparisons over \(n) \(what): for each seed, the method's test \(s.metric.rawValue) minus "
            + "the reference's on the same split; mean and 95% confidence interval (t distribution); wins = seeds "
            + "where the method is strictly lower. Negative favours the method. \"better\"/\"worse\" only where the "
            + "interval excludes 0, otherwise \"tied within noise\".\n"
    }
}

/// The cross-instance summary: the MIP against the best RB-* ranking, the best rival and no
/// flips, one row per (instance, alpha, budget), and the counts the benchmark's targets name.
extension SweepReport {
    /// Methods whose name starts with this are the MIP or its variants (`--mip-variant`), not rivals.
    static let mipPrefix = "mip"

    /// Lowest mean test metric among `methods` at (alpha, budget).
    static func lowest(_ s: SweepSummary, alpha: Double?, budget: Int, among methods: [String]) -> (String, SweepSummary.Stat)? {
        methods.compactMap { m in s.cell(alpha: alpha, method: m, budget: budget)?.testMetric.map { (m, $0) } }
            .min { $0.1.mean < $1.1.mean }
    }

    /// The summary table and its counts; nil when no instance ran the MIP.
    func pairedSummary() -> (table: ReportTable, counts: String)? {
        let ref = SweepSummary.referenceMethod
        var t = ReportTable(headers: ["instance", "alpha", "k", "splits", "no flips", ref, "best rb-*", "\(ref) − rb [95% CI]",
                                      "vs rb", "best rival", "\(ref) − rival [95% CI]", "vs rival",
                                      "\(ref) − no flips [95% CI]", "vs no flips"])
        t.numericColumns = [2, 3, 4, 5, 7, 10, 12]
        var cells = 0, betterThanRB = 0, worseThanSomeone = 0, tiedWithRB = 0
        var worse: [String] = []
        for s in summaries where s.methods.contains(ref) {
            let rbs = s.methods.filter { $0.hasPrefix("rb-") }
            let rivals = s.methods.filter { !$0.hasPrefix(Self.mipPrefix) }
            for a in s.alphas {
                let base = SweepSummary.Stat(Array(s.baseValues(alpha: a).values))
                for k in s.budgets where k > 0 {
                    guard let mip = s.cell(alpha: a, method: ref, budget: k)?.testMetric else { continue }
                    cells += 1
                    let rb = Self.lowest(s, alpha: a, budget: k, among: rbs)
                    let rival = Self.lowest(s, alpha: a, budget: k, among: rivals)
                    let vsRB = rb.flatMap { s.paired(alpha: a, method: ref, against: $0.0, budget: k) }
                    let vsRival = rival.flatMap { s.paired(alpha: a, method: ref, against: $0.0, budget: k) }
                    let vsBase = s.pairedWithBase(alpha: a, method: ref, budget: k)
                    if vsRB?.verdict == .better { betterThanRB += 1 }
                    if vsRB?.verdict == .tied { tiedWithRB += 1 }
                    // "Never significantly worse": against every rival and no flips, not only the best.
                    let losers = rivals.filter { s.paired(alpha: a, method: ref, against: $0, budget: k)?.verdict == .worse }
                        + (vsBase?.verdict == .worse ? ["no flips"] : [])
                    if !losers.isEmpty {
                        worseThanSomeone += 1
                        worse.append("\(s.instance) k = \(k): \(losers.joined(separator: ", "))")
                    }
                    let flagged = s.degenerateCount(alpha: a, method: ref, budget: k)
                    t.append([s.instance, SweepSummary.alphaText(a), String(k), String(mip.count), Self.pm(base),
                              Self.pm(mip) + (flagged > 0 ? " ⚠" : ""),
                              rb.map { "\($0.0) \(Self.pm($0.1))" } ?? "", Self.difference(vsRB), Self.verdict(vsRB),
                              rival.map { "\($0.0) \(Self.pm($0.1))" } ?? "", Self.difference(vsRival), Self.verdict(vsRival),
                              Self.difference(vsBase), Self.verdict(vsBase)])
                }
            }
        }
        guard cells > 0 else { return nil }
        var counts = "In \(cells) cell(s): \(ref) significantly better than the best rb-* in \(betterThanRB), "
            + "tied within noise with it in \(tiedWithRB); significantly worse than some rival or no flips in "
            + "\(worseThanSomeone)"
        counts += worse.isEmpty ? ".\n" : " (\(worse.joined(separator: "; "))).\n"
        return (t, counts)
    }

    /// The Markdown section of the summary (empty when there is none).
    func pairedSummaryMarkdown() -> String {
        guard let (table, counts) = pairedSummary() else { return "" }
        return "\n## Paired summary (every instance)\n\n"
            + "Test \(summaries.first?.metric.rawValue ?? "metric"), mean ± sd over splits; differences are "
            + "\(SweepSummary.referenceMethod) minus the other, paired by split (negative favours "
            + "\(SweepSummary.referenceMethod)), with 95% t intervals; \"tied within noise\" where the interval "
            + "contains 0. Best rb-* and best rival are picked by their mean test value (a choice made on test "
            + "data, which favours them). ⚠: the guard flagged a degenerate model in some split.\n\n"
            + table.markdown() + "\n" + counts
    }
}
