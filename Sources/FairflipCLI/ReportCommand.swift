import ArgumentParser
import FairflipFairness
import FairflipReports
import FairflipSweep

/// `fairflip report`: rebuild `report.md` and `report.html` from a sweep folder's results files.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild report.md and report.html (tables, SVG plots) from the results*.csv of a sweep folder.")

    @Argument(help: "The sweep folder (holding results.csv and/or results.shard-*.csv).")
    var folder: String

    @Option(help: "The metric to report (default: the one the results were planned for).")
    var metric: FairnessMetric?

    @Flag(name: .shortAndLong, help: "Do not print the written paths.")
    var quiet = false

    func run() throws {
        try reportingErrors {
            let paths = try SweepReport(folder: folder, metric: metric).write(to: folder)
            Progress(quiet: quiet).note("wrote \(paths.joined(separator: ", "))")
        }
    }
}
