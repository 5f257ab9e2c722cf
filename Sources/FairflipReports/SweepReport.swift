import FairflipFairness
import FairflipResults
import Foundation

/// The sweep report: `report.md` (tables) and `report.html` (the same tables and SVG plots),
/// built from the records of `results*.csv` alone, so it can be rebuilt at any time.
public struct SweepReport: Sendable {
    public let summaries: [SweepSummary]
    /// Where the records came from (shown in the report).
    public let sources: [String]

    /// Summarises the records (one section per instance).
    public init(records: [SweepRecord], sources: [String], metric: FairnessMetric? = nil) {
        summaries = SweepSummary.instances(in: records).map { SweepSummary(instance: $0, records: records, metric: metric) }
        self.sources = sources
    }

    /// Reads every `results*.csv` of a sweep folder and summarises it.
    public init(folder: String, metric: FairnessMetric? = nil) throws {
        let files = try ResultsTable.files(in: folder)
        self.init(records: try ResultsTable.readFolder(folder),
                  sources: files.map { ($0 as NSString).lastPathComponent }, metric: metric)
    }

    /// Writes `report.md` and `report.html` into the folder (each atomically); returns their paths.
    @discardableResult
    public func write(to folder: String) throws -> [String] {
        let md = (folder as NSString).appendingPathComponent("report.md")
        let html = (folder as NSString).appendingPathComponent("report.html")
        try AtomicFile.write(markdown(), to: md)
        try AtomicFile.write(self.html(), to: html)
        return [md, html]
    }

    // MARK: - Tables

    static func pm(_ s: SweepSummary.Stat?) -> String {
        guard let s else { return "" }
        // A no-break space after ± : a narrow column wraps before "± sd", never inside it.
        return s.count > 1 ? "\(formatted(s.mean, digits: 4)) ±\u{00A0}\(formatted(s.sd, digits: 4))" : formatted(s.mean, digits: 4)
    }

    /// Budget × method detail table at one alpha; the best method per budget is highlighted.
    func detailTable(_ s: SweepSummary, alpha: Double?) -> ReportTable {
        let m = s.metric.rawValue
        var t = ReportTable(headers: ["k", "method", "test \(m)", "train \(m)", "train − test", "test error",
                                      "surrogate", "seeds ok", "degenerate", "seconds", "best"])
        t.numericColumns = [0, 2, 3, 4, 5, 6, 7, 8, 9]
        let gap = s.generalisationGap
        if let base = s.base(alpha: alpha) {
            t.append(["0", "base model", Self.pm(base.testMetric), Self.pm(base.trainMetric), Self.pm(gap(base)),
                      Self.pm(base.testError), "", "\(base.ok.count)/\(base.records.count)", "", "", ""])
        }
        for k in s.budgets where k > 0 {
            let best = Self.claimedBest(s, alpha: alpha, budget: k)
            for method in s.methods {
                guard let c = s.cell(alpha: alpha, method: method, budget: k) else { continue }
                let surrogate = SweepSummary.Stat(c.ok.compactMap(\.surrogate))
                let wall = c.wallSeconds.map { formatted($0.mean, digits: 3) } ?? ""
                let isBest = method == best
                let flagged = s.degenerateCount(alpha: alpha, method: method, budget: k)
                t.append([String(k), method, Self.pm(c.testMetric), Self.pm(c.trainMetric), Self.pm(gap(c)),
                          Self.pm(c.testError), Self.pm(surrogate), "\(c.ok.count)/\(c.records.count)",
                          flagged > 0 ? "⚠ \(flagged)" : "", wall, isBest ? "★" : ""],
                         highlight: isBest)
            }
        }
        return t
    }

    /// Budget × method table of the mean ± sd test metric (a compact overview).
    func overviewTable(_ s: SweepSummary, alpha: Double?) -> ReportTable {
        var t = ReportTable(headers: ["k"] + s.methods)
        t.numericColumns = Set(0...s.methods.count)
        for k in s.budgets where k > 0 {
            let best = Self.claimedBest(s, alpha: alpha, budget: k)
            t.append([String(k)] + s.methods.map { m in
                var text = Self.pm(s.cell(alpha: alpha, method: m, budget: k)?.testMetric)
                if !text.isEmpty && s.degenerateCount(alpha: alpha, method: m, budget: k) > 0 { text += " ⚠" }
                return m == best && !text.isEmpty ? text + " ★" : text
            })
        }
        return t
    }

    /// The method to star at a budget: only one significantly lower than every other.
    static func claimedBest(_ s: SweepSummary, alpha: Double?, budget: Int) -> String? {
        if case .best(let m)? = s.bestClaim(alpha: alpha, budget: budget) { return m }
        return nil
    }

    /// Distinct error statuses with their counts.
    func errorTable(_ s: SweepSummary) -> ReportTable? {
        var counts: [String: (Int, String)] = [:]
        for r in s.records where !r.isOK {
            let example = "\(r.method) k=\(r.budget) alpha=\(SweepSummary.alphaText(r.alpha)) seed=\(r.seed)"
            counts[r.status] = ((counts[r.status]?.0 ?? 0) + 1, counts[r.status]?.1 ?? example)
        }
        guard !counts.isEmpty else { return nil }
        var t = ReportTable(headers: ["status", "cells", "first cell"])
        t.numericColumns = [1]
        for (status, v) in counts.sorted(by: { $0.key < $1.key }) { t.append([status, String(v.0), v.1]) }
        return t
    }

    private func header(_ s: SweepSummary) -> String {
        let errors = s.records.filter { !$0.isOK }.count
        let seeds = s.splitsVary
            ? "\(s.seeds.count) split seed(s) (each re-splits train/test, re-draws the collective and seeds the planner)"
            : "\(s.seeds.count) seed(s) (seeds vary the collective draw and the planner; the train/test split is the spec's)"
        return "Metric: **\(s.metric.rawValue)** = \(s.metric.summary), on the test split unless said otherwise; "
            + "mean ± sd over \(seeds). "
            + "A method is starred (bold, ★) at a budget only when its paired 95% CI lies below 0 against every "
            + "other method; ⚠ marks cells where the degenerate-fairness guard flagged a seed's model (a group's "
            + "positive rate ≥ 0.99 or ≤ 0.01, or the error up by more than 5 points).\n\n"
            + "\(s.records.count) cells: \(s.methods.count) method(s), \(s.budgets.count) budget(s), "
            + "\(s.alphas.count) alpha(s); \(errors) cell(s) with an error.\n"
    }

    // MARK: - Markdown

    /// The Markdown report.
    public func markdown() -> String {
        var out = "# fairflip sweep report\n\nBuilt from \(sources.joined(separator: ", ")). "
            + "Plots are in `report.html`.\n"
        out += pairedSummaryMarkdown()
        for s in summaries {
            out += "\n## Instance \(s.instance)\n\n" + header(s)
            for a in s.alphas {
                out += "\n### alpha = \(SweepSummary.alphaText(a))\n\n"
                out += "Test \(s.metric.rawValue) by budget and method:\n\n" + overviewTable(s, alpha: a).markdown()
                out += "\nDetails:\n\n" + detailTable(s, alpha: a).markdown()
                out += "\nBest method per budget:\n\n" + bestLines(s, alpha: a).map { "- " + $0 + "\n" }.joined()
                out += "\n" + pairedIntro(s) + "\n" + pairedTable(s, alpha: a).markdown()
                if let d = degenerateTable(s, alpha: a) { out += "\nDegenerate models (flagged by the guard):\n\n" + d.markdown() }
            }
            if let e = errorTable(s) { out += "\n### Cells with errors\n\n" + e.markdown() }
        }
        return out
    }

    // MARK: - HTML

    private static let style = """
        body { font-family: Helvetica, Arial, sans-serif; margin: 24px; color: #222; max-width: 1400px; }
        h1 { font-size: 24px; } h2 { font-size: 20px; margin-top: 32px; border-bottom: 1px solid #ccc; }
        h3 { font-size: 16px; margin-top: 24px; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
        th, td { border: 1px solid #ddd; padding: 3px 8px; } th { background: #f3f3f3; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.best td { font-weight: bold; background: #eef6ff; }
        figure { margin: 12px 0 24px; } svg { max-width: 100%; height: auto; border: 1px solid #eee; }
        """

    /// The HTML report: tables and inline SVG plots.
    public func html() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<title>fairflip sweep report</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
            + "<h1>fairflip sweep report</h1>\n<p>Built from \(SVGCanvas.escape(sources.joined(separator: ", "))).</p>\n"
        if let (table, counts) = pairedSummary() {
            out += "<h2>Paired summary (every instance)</h2>\n" + table.html() + "<p>\(SVGCanvas.escape(counts))</p>\n"
        }
        func figure(_ svg: String?) -> String {
            guard let svg else { return "" }
            return "<figure>\n" + svg + "</figure>\n"
        }
        func paragraph(_ markdownText: String) -> String {
            var t = SVGCanvas.escape(markdownText)
            while let r = t.range(of: "**"), let r2 = t.range(of: "**", range: r.upperBound..<t.endIndex) {
                t = t.replacingCharacters(in: r2, with: "</b>").replacingCharacters(in: r, with: "<b>")
            }
            return "<p>" + t.replacingOccurrences(of: "\n\n", with: "</p>\n<p>") + "</p>\n"
        }
        for s in summaries {
            out += "<h2>Instance \(SVGCanvas.escape(s.instance))</h2>\n" + paragraph(header(s))
            out += figure(SweepPlots.bestVsAlpha(s))
            out += figure(SweepPlots.groupRates(s))
            out += figure(SweepPlots.surrogate(s))
            for a in s.alphas {
                out += "<h3>alpha = \(SweepSummary.alphaText(a))</h3>\n"
                out += figure(SweepPlots.metricVsBudget(s, alpha: a))
                out += figure(SweepPlots.pareto(s, alpha: a))
                out += "<p>Test \(s.metric.rawValue) by budget and method:</p>\n" + overviewTable(s, alpha: a).html()
                out += "<p>Details:</p>\n" + detailTable(s, alpha: a).html()
                out += figure(SweepPlots.generalisationGap(s, alpha: a))
                out += "<p>Best method per budget:</p>\n<ul>\n"
                    + bestLines(s, alpha: a).map { "<li>" + paragraph($0).dropFirst(3).dropLast(5) + "</li>\n" }.joined() + "</ul>\n"
                out += paragraph(pairedIntro(s)) + pairedTable(s, alpha: a).html()
                if let d = degenerateTable(s, alpha: a) { out += "<p>Degenerate models (flagged by the guard):</p>\n" + d.html() }
            }
            if let e = errorTable(s) { out += "<h3>Cells with errors</h3>\n" + e.html() }
        }
        return out + "</body>\n</html>\n"
    }
}
