import FairflipData
import FairflipPlanners
import Foundation

/// A MIP solver's solution of an MPS file written by `fairflip export-mps`: the values it gives
/// the columns, by name. Reads the formats of CBC (`-solu FILE`, any `printingOptions`),
/// HiGHS (`--solution_file FILE`) and SCIP (`write solution FILE`).
struct SolutionFile {
    /// Which solver wrote the file (recognised from its layout).
    enum Format: String { case cbc = "CBC", highs = "HiGHS", scip = "SCIP" }

    var format: Format
    /// The status the solver wrote ("Optimal", "Stopped on time", ...).
    var status: String
    /// Column values by name, with the file line each came from. Columns a file leaves out are 0.
    var values: [String: (value: Double, line: Int)]

    /// Reads and parses a solution file; refuses files that hold no feasible solution.
    init(path: String) throws(InputError) {
        let text = try FlipsFile.readFile(path, what: "solution file")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard let firstIndex = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw InputError(file: path, "the solution file is empty")
        }
        let first = lines[firstIndex].trimmingCharacters(in: .whitespaces)
        func fields(_ s: String) -> [Substring] { s.split(whereSeparator: { $0 == " " || $0 == "\t" }) }
        func number(_ s: Substring, line: Int) throws(InputError) -> Double {
            guard let v = Double(s) else { throw InputError(file: path, line: line, "'\(s)' is not a number") }
            return v
        }
        var values: [String: (value: Double, line: Int)] = [:]
        func add(_ name: Substring, _ value: Double, line: Int) throws(InputError) {
            if let earlier = values[String(name)] {
                throw InputError(file: path, line: line, "column \(name) appears twice (also on line \(earlier.line))")
            }
            values[String(name)] = (value, line)
        }
        if first.lowercased().hasPrefix("solution status:") {
            format = .scip
            status = String(first.dropFirst("solution status:".count)).trimmingCharacters(in: .whitespaces)
            guard !status.lowercased().contains("infeasible"), !status.lowercased().contains("no solution") else {
                throw InputError(file: path, line: firstIndex + 1, "SCIP found no feasible solution (\(status))")
            }
            for i in (firstIndex + 1)..<lines.count {
                let f = fields(lines[i])
                guard f.count >= 2, !lines[i].lowercased().hasPrefix("objective value") else { continue }
                try add(f[0], try number(f[1], line: i + 1), line: i + 1)
            }
        } else if first == "Model status" {
            format = .highs
            status = firstIndex + 1 < lines.count ? lines[firstIndex + 1].trimmingCharacters(in: .whitespaces) : ""
            guard let header = lines.firstIndex(where: { $0.hasPrefix("# Columns") }),
                  let count = Int(lines[header].dropFirst("# Columns".count).trimmingCharacters(in: .whitespaces)) else {
                throw InputError(file: path, "a HiGHS solution file without a '# Columns N' section")
            }
            if let primal = lines.firstIndex(where: { $0.hasPrefix("# Primal solution values") }), primal + 1 < lines.count {
                let feasibility = lines[primal + 1].trimmingCharacters(in: .whitespaces)
                guard feasibility == "Feasible" else {
                    throw InputError(file: path, line: primal + 2, "HiGHS holds no feasible primal solution (\(feasibility))")
                }
            }
            guard header + count < lines.count else {
                throw InputError(file: path, line: lines.count, "the file ends inside the '# Columns \(count)' section")
            }
            for i in (header + 1)...(header + count) {
                let f = fields(lines[i])
                guard f.count >= 2 else { throw InputError(file: path, line: i + 1, "expected 'name value'") }
                try add(f[0], try number(f[1], line: i + 1), line: i + 1)
            }
        } else if let range = first.range(of: "objective value") {
            format = .cbc
            status = String(first[..<range.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " -"))
            guard !status.lowercased().contains("infeasible") else {
                throw InputError(file: path, line: firstIndex + 1, "CBC found no feasible solution (\(status))")
            }
            // `idx name value reduced-cost`, rows first with printingOptions all: the column
            // section is where the index starts again at 0.
            var parsed: [(index: Int, name: Substring, value: Double, line: Int)] = []
            for i in (firstIndex + 1)..<lines.count {
                var f = fields(lines[i])
                if f.first == "**" { f.removeFirst() }
                guard !f.isEmpty else { continue }
                guard f.count >= 3, let index = Int(f[0]) else {
                    throw InputError(file: path, line: i + 1, "expected 'index name value reduced-cost'")
                }
                parsed.append((index, f[1], try number(f[2], line: i + 1), i + 1))
            }
            let restart = parsed.indices.last { $0 > 0 && parsed[$0].index <= parsed[$0 - 1].index } ?? 0
            for p in parsed[restart...] { try add(p.name, p.value, line: p.line) }
        } else {
            throw InputError(file: path, line: firstIndex + 1, "not a CBC, HiGHS or SCIP solution file (it starts '\(first.prefix(40))')")
        }
        self.values = values
    }

    /// The plan the solution's flip columns describe, checked against the sidecar and the instance.
    func plan(path: String, sidecar: Sidecar, sidecarPath: String, context: PlanningContext) throws(InputError) -> ReadPlan {
        let columns = Dictionary(sidecar.columns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        if let unknown = values.filter({ columns[$0.key] == nil }).min(by: { $0.value.line < $1.value.line }) {
            throw InputError(file: path, line: unknown.value.line,
                             "column \(unknown.key) is not in \(sidecarPath): is this the solution of another MPS file?")
        }
        let train = context.instance.train
        let byOrigin = train.rowsByOrigin()
        var flips: [Int] = []
        for (name, entry) in values.sorted(by: { $0.value.line < $1.value.line }) {
            guard let column = columns[name], column.kind == "flip" else { continue }
            // A merged column (identical candidates) counts its flipped members: the first n flip.
            let size = column.members?.count ?? 1
            guard abs(entry.value - entry.value.rounded()) <= 1e-6, (0...size).contains(Int(entry.value.rounded())) else {
                throw InputError(file: path, line: entry.line,
                                 "flip column \(name) has value \(entry.value), not " + (size == 1 ? "0 or 1" : "a whole number from 0 to \(size)"))
            }
            let members: [(csvLine: Int?, trainRow: Int?, file: String?)] =
                column.members?.map { ($0.csvLine, $0.trainRow, $0.file) } ?? [(column.csvLine, column.trainRow, column.file)]
            for (csvLine, trainRow, file) in members.prefix(Int(entry.value.rounded())) {
                guard let csvLine, let trainRow else {
                    throw InputError(file: sidecarPath, "column \(name) has no csvLine or trainRow")
                }
                let origin = RowOrigin(file: file ?? train.file, line: csvLine)
                let row = try FlipsFile.candidateRow(origin, byOrigin: byOrigin, context: context, file: sidecarPath, line: nil)
                guard row == trainRow else {
                    throw InputError(file: sidecarPath, "column \(name): line \(csvLine) is training row \(row) of this "
                                     + "instance, not \(trainRow): the sidecar belongs to another spec or split")
                }
                flips.append(row)
            }
        }
        return ReadPlan(flips: flips.sorted(),
                        origin: "\(format.rawValue) solution (\(status)) read from \(path), columns mapped by \(sidecarPath)")
    }
}

/// What `evaluate` reads of `export-mps`'s JSON sidecar.
struct Sidecar: Decodable {
    var metric: String
    var seed: UInt64?
    var budget: Int?
    var columns: [ExportedProblem.Column]

    init(path: String) throws(InputError) {
        let text = try FlipsFile.readFile(path, what: "sidecar")
        do {
            self = try JSONDecoder().decode(Sidecar.self, from: Data(text.utf8))
        } catch {
            throw InputError(file: path, "not a sidecar of 'fairflip export-mps' (\(Self.describe(error)))")
        }
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.dataCorrupted(let c):
            return c.codingPath.map(\.stringValue).joined(separator: ".") + ": " + c.debugDescription
        default: return "\(error)"
        }
    }
}
