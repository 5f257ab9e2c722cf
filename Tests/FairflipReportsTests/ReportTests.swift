import FairflipReports
import FairflipResults
import FairflipSweep
import FairflipTestSupport
import Foundation
import Testing

@Suite struct ReportTests {
    @Test func rebuildsFromTheCSVAlone() throws {
        let out = temporaryFolder()
        defer { removeFolder(out) }
        let r = try Sweep.run(toyConfiguration(output: out))
        // Move the results file to a fresh folder: nothing but the CSV is available there.
        let alone = temporaryFolder()
        defer { removeFolder(alone) }
        try FileManager.default.copyItem(atPath: r.resultsPath, toPath: alone + "/results.csv")
        let paths = try SweepReport(folder: alone).write(to: alone)
        #expect(paths.count == 2)
        let md = contents(alone + "/report.md")
        #expect(md.contains("## Instance toy") && md.contains("### alpha = 0.5") && md.contains("### alpha = 1"))
        #expect(md.contains("| first-k |") && md.contains("| last-k |"))
        #expect(md.contains("★"))
        #expect(md.contains("error: budget 4 is too large"))
        let html = contents(alone + "/report.html")
        let svgs = svgDocuments(in: html)
        // best-vs-alpha, group rates, surrogate, and per alpha: metric vs budget, Pareto and the
        // generalisation gap.
        #expect(svgs.count == 3 + 2 * 3)
        for svg in svgs { #expect(isWellFormedXML(svg)) }
        // Rebuilding gives the same bytes.
        let again = temporaryFolder()
        defer { removeFolder(again) }
        try FileManager.default.copyItem(atPath: r.resultsPath, toPath: again + "/results.csv")
        try SweepReport(folder: again).write(to: again)
        #expect(contents(again + "/report.html") == html)
        #expect(contents(again + "/report.md") == md)
    }

    @Test func reportMergesShards() throws {
        let out = temporaryFolder()
        defer { removeFolder(out) }
        for i in 0..<2 { _ = try Sweep.run(toyConfiguration(output: out, jobs: 1, shard: Shard(index: i, count: 2))) }
        let report = try SweepReport(folder: out)
        #expect(report.summaries.count == 1)
        #expect(report.summaries[0].records.count == 36)
        #expect(report.sources == ["results.shard-0-of-2.csv", "results.shard-1-of-2.csv"])
    }

    @Test func plotsAreWellFormedEvenWithAwkwardNames() {
        var plot = SVGPlot(title: "a < b & \"c\"", xLabel: "x <", yLabel: "y &")
        plot.series = [.init(name: "m&<>'\"", color: "#000", points: [(0, 1), (1, 2)], band: [(0, 0.5, 1.5), (1, 1, 3)])]
        plot.callouts = [.init(label: "base & co", x: 0.5, y: 1)]
        plot.diagonal = true
        #expect(isWellFormedXML(plot.render()))
        let empty = SVGPlot(title: "nothing", xLabel: "x", yLabel: "y").render()
        #expect(isWellFormedXML(empty))
        let bars = SVGBarChart(title: "t", yLabel: "rate", categories: ["a", "b"],
                               series: [("before", "#999", [0.5, nil]), ("after", "#00f", [0.25, -0.1])])
        #expect(isWellFormedXML(bars.render()))
    }

    @Test func legendsNeverLeaveThePicture() {
        var plot = SVGPlot(title: "many", xLabel: "x", yLabel: "y")
        plot.series = (0..<20).map { .init(name: "method number \($0) with a long name", color: Palette.color($0),
                                           points: [(0, Double($0)), (1, 1)]) }
        let svg = plot.render()
        #expect(isWellFormedXML(svg))
        #expect(!svg.contains("height=\"420.00\""))
        #expect(!svg.contains("width=\"760.00\""))
    }

    @Test func axisTicksAreRound() {
        let s = AxisScale(values: [0.013, 0.187], start: 0, end: 100)
        #expect(s.lower <= 0.013 && s.upper >= 0.187)
        #expect(s.ticks.count >= 3 && s.ticks.count <= 10)
        #expect(s.label(s.ticks[1]).count <= 6)
        let flat = AxisScale(values: [2, 2], start: 0, end: 1)
        #expect(flat.lower < 2 && flat.upper > 2)
    }
}
