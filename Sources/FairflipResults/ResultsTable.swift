import FairflipData
import Foundation

/// `results.csv`: the header, encoding records as lines and reading them back.
///
/// Reading goes by column name, so a file written by a later version with extra columns
/// still reads; cells that are empty or not numbers read as missing.
public enum ResultsTable {
    /// Column names, in file order.
    public static let header: [String] = {
        var h = ["instance", "alpha", "seed", "split_seed", "method", "budget", "metric", "status", "candidates", "flips",
                 "degenerate"]
        for split in ["train", "test"] { h += SplitFigures.columns.map { "\(split)_\($0.name)" } }
        h += ["surrogate", "solver_status", "solver_gap", "solver_bound", "solver_root_bound", "plan_origin",
              "wall_seconds", "diagnostics", "notes"]
        return h
    }()

    /// The header line.
    public static var headerLine: String { CSVFormat.line(header) }

    /// A record as one CSV line (newline included).
    public static func line(_ r: SweepRecord) -> String {
        var cells = [r.instance, CSVFormat.number(r.alpha), String(r.seed), CSVFormat.integer(r.splitSeed), r.method,
                     String(r.budget), r.metric, r.status, CSVFormat.integer(r.candidates), CSVFormat.integer(r.flips),
                     r.degenerate]
        for split in [r.train, r.test] { cells += SplitFigures.columns.map { CSVFormat.number(split[keyPath: $0.path]) } }
        cells += [CSVFormat.number(r.surrogate), r.solverStatus ?? "", CSVFormat.number(r.solverGap),
                  CSVFormat.number(r.solverBound), CSVFormat.number(r.solverRootBound), r.planOrigin ?? "",
                  CSVFormat.number(r.wallSeconds), r.diagnostics, r.notes]
        return CSVFormat.line(cells)
    }

    /// Why a results file could not be read.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// Parses results text. Only complete lines count: text after the last newline (a row torn
    /// by an interrupted write) is ignored.
    public static func parse(_ text: String, path: String) throws -> [SweepRecord] {
        guard let end = text.lastIndex(of: "\n") else { return [] }
        let complete = String(text[...end])
        let table: CSVTable
        do { table = try CSVTable(text: complete, path: path) } catch { throw ReadError("\(error)") }
        var index: [String: Int] = [:]
        for (j, name) in table.header.enumerated() { index[name] = j }
        for required in ["instance", "alpha", "seed", "method", "budget"] where index[required] == nil {
            throw ReadError("\(path): not a fairflip results file (no '\(required)' column)")
        }
        var records: [SweepRecord] = []
        for (r, row) in table.rows.enumerated() {
            func text(_ name: String) -> String { index[name].map { row[$0] } ?? "" }
            func number(_ name: String) -> Double? { CSVFormat.parseNumber(text(name)) }
            guard let seed = Int(text("seed")), let budget = Int(text("budget")) else {
                throw ReadError("\(path):\(table.lines[r]): seed and budget must be integers")
            }
            var record = SweepRecord(
                instance: text("instance"), alpha: number("alpha"), seed: seed, splitSeed: Int(text("split_seed")),
                method: text("method"), budget: budget, metric: text("metric"), status: text("status"),
                candidates: number("candidates").map { Int($0) }, flips: number("flips").map { Int($0) },
                degenerate: text("degenerate"),
                surrogate: number("surrogate"), solverStatus: text("solver_status").isEmpty ? nil : text("solver_status"),
                solverGap: number("solver_gap"), wallSeconds: number("wall_seconds"),
                diagnostics: text("diagnostics"), notes: text("notes"))
            record.solverBound = number("solver_bound")
            record.solverRootBound = number("solver_root_bound")
            record.planOrigin = text("plan_origin").isEmpty ? nil : text("plan_origin")
            for (split, path) in [("train", \SweepRecord.train), ("test", \SweepRecord.test)] {
                for column in SplitFigures.columns {
                    record[keyPath: path][keyPath: column.path] = number("\(split)_\(column.name)")
                }
            }
            records.append(record)
        }
        return records
    }

    /// Reads one results file.
    public static func read(path: String) throws -> [SweepRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError("\(path): cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// The results files of a sweep folder: `results.csv` and every shard's `results*.csv`, sorted by name.
    public static func files(in folder: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw ReadError("\(folder): cannot list the folder")
        }
        return names.filter { $0.hasPrefix("results") && $0.hasSuffix(".csv") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }

    /// Every record of a sweep folder, shards merged; a key present in several files counts once
    /// (the first file by name wins).
    public static func readFolder(_ folder: String) throws -> [SweepRecord] {
        let paths = try files(in: folder)
        guard !paths.isEmpty else { throw ReadError("\(folder): no results*.csv file") }
        var seen = Set<SweepRecord.Key>()
        var out: [SweepRecord] = []
        for p in paths {
            for r in try read(path: p) where seen.insert(r.key).inserted { out.append(r) }
        }
        return out
    }
}
