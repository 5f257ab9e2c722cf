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
    var metric: String?

    @Flag(name: .shortAndLong, help: "Do not print the written paths.")
    var quiet = false

    func run() throws {
        try reportingErrors {
            let m = try metric.map { name throws -> FairnessMetric in
                guard let m = FairnessMetric(rawValue: name) else { throw SweepError("--metric: unknown '\(name)'") }
                return m
            }
            let paths = try SweepReport(folder: folder, metric: m).write(to: folder)
            Progress(quiet: quiet).note("wrote \(paths.joined(separator: ", "))")
        }
    }
}
