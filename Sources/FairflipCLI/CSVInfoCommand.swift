import ArgumentParser
import FairflipData
import FairflipReports
import Foundation

/// `fairflip csv-info`: what fairflip reads in a CSV file, column by column.
///
/// It loads the file exactly as an instance's data is loaded (same parser, same errors), so
/// it checks a file before a spec is written, and it times the loader alone (the scale
/// benchmark compares that time with pandas' `read_csv`).
struct CSVInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv-info",
        abstract: "Read a CSV file as fairflip does and describe its columns (type, range, distinct values).")

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "Parsing threads (default: the active processors).")
    var threads: Int?

    @Flag(help: "Print JSON on stdout (with the load time in seconds).")
    var json = false

    /// One column's description.
    struct Column: Encodable {
        var name: String
        var type: String
        var minimum: Double?
        var maximum: Double?
        var mean: Double?
        /// Non-numeric columns: the number of distinct values (after trimming).
        var distinct: Int?
    }

    struct Info: Encodable {
        var file: String
        var rows: Int
        var columns: [Column]
        var loadSeconds: Double
        /// CPU time of the load, summed over its threads (less sensitive than the wall time to
        /// other programs on a busy machine).
        var loadCPUSeconds: Double
    }

    /// CPU seconds this process has used, over all its threads.
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    func run() throws {
        let info = try reportingErrors { () throws -> Info in
            if let threads, threads < 1 { throw InputError("--threads must be at least 1, got \(threads)") }
            let started = Date(), startedCPU = Self.processCPUSeconds()
            let table = try CSVTable(contentsOf: file, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            let seconds = Date().timeIntervalSince(started), cpuSeconds = Self.processCPUSeconds() - startedCPU
            var columns: [Column] = []
            for (j, name) in table.header.enumerated() {
                if table.isNumeric(j) {
                    let values = table.numbers(j)
                    columns.append(Column(name: name, type: "numeric", minimum: values.min(), maximum: values.max(),
                                          mean: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)))
                } else {
                    columns.append(Column(name: name, type: "text", distinct: table.textCodes(j).texts.count))
                }
            }
            return Info(file: file, rows: table.rowCount, columns: columns, loadSeconds: seconds, loadCPUSeconds: cpuSeconds)
        }
        if json {
            print(try JSONOutput.encode(info), terminator: "")
            return
        }
        print("\(info.file): \(info.rows) rows, \(info.columns.count) columns, read in \(String(format: "%.3f", info.loadSeconds)) s")
        for c in info.columns {
            if c.type == "numeric" {
                print("  \(c.name): numeric, min \(c.minimum.map { "\($0)" } ?? "-"), max \(c.maximum.map { "\($0)" } ?? "-"), "
                      + "mean \(c.mean.map { String(format: "%.6g", $0) } ?? "-")")
            } else {
                print("  \(c.name): text, \(c.distinct ?? 0) distinct values")
            }
        }
    }
}
