import FairflipData
import FairflipPlanners
import Foundation

/// A plan made elsewhere, read back for `fairflip evaluate`: which training rows flip, and
/// where the plan came from.
struct ReadPlan {
    /// Training-row indices that flip, ascending.
    var flips: [Int]
    /// Where the plan came from, in words (for the report's notes).
    var origin: String
}

/// Reading `flips.csv` files: fairflip's own (a `csv_line` column) or any CSV whose one column
/// holds line numbers of the training data file (a header line is optional). A `file` column
/// (fairflip's flips.csv when the training rows span a spec's train and test files) says which
/// file each line is of; without it, lines are of the training file.
enum FlipsFile {
    static func read(_ path: String, context: PlanningContext) throws(InputError) -> ReadPlan {
        let text = try readFile(path, what: "flips file")
        var rows: [(line: Int, fields: [Substring])] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            rows.append((i + 1, line.split(separator: ",", omittingEmptySubsequences: false)))
        }
        guard let first = rows.first else { throw InputError(file: path, "the flips file is empty: no line numbers") }
        var column = 0, fileColumn: Int?
        if first.fields.contains(where: { Int($0.trimmingCharacters(in: .whitespaces)) == nil }) {
            // A header: fairflip's csv_line, or the only column.
            let names = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if let c = names.firstIndex(of: "csv_line") {
                column = c
                fileColumn = names.firstIndex(of: "file")
            } else if names.count == 1 {
                column = 0
            } else {
                throw InputError(file: path, line: first.line,
                                 "no 'csv_line' column among \(names.joined(separator: ", ")); give fairflip's flips.csv or one column of line numbers")
            }
            rows.removeFirst()
        }
        let train = context.instance.train
        let byOrigin = train.rowsByOrigin()
        var flips: [Int] = [], seen: [RowOrigin: Int] = [:]
        for (number, fields) in rows {
            guard column < fields.count, (fileColumn ?? 0) < fields.count else {
                throw InputError(file: path, line: number, "has \(fields.count) fields; the line number is field \(column + 1)")
            }
            let file = fileColumn.map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? train.file
            let cell = fields[column].trimmingCharacters(in: .whitespaces)
            guard let csvLine = Int(cell) else {
                throw InputError(file: path, line: number, "'\(cell)' is not a line number")
            }
            let origin = RowOrigin(file: file, line: csvLine)
            if let earlier = seen[origin] {
                throw InputError(file: path, line: number, "line \(csvLine) is listed twice (also on line \(earlier))")
            }
            seen[origin] = number
            flips.append(try candidateRow(origin, byOrigin: byOrigin, context: context, file: path, line: number))
        }
        return ReadPlan(flips: flips.sorted(), origin: "\(flips.count) flips read from \(path)")
    }

    /// The training row at a data file's line, refused unless it may flip.
    static func candidateRow(_ origin: RowOrigin, byOrigin: [RowOrigin: Int], context: PlanningContext, file: String, line: Int?)
        throws(InputError) -> Int {
        guard let row = byOrigin[origin] else {
            throw InputError(file: file, line: line, "line \(origin.line) of \(origin.file) is not a training row")
        }
        guard context.candidates.contains(row) else {
            throw InputError(file: file, line: line, "line \(origin.line) of \(origin.file) is not a candidate "
                             + "(a collective member whose label may flip in direction '\(context.instance.direction.rawValue)')")
        }
        return row
    }

    static func readFile(_ path: String, what: String) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot read the \(what) (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputError(file: path, "the \(what) is not UTF-8 text") }
        return text
    }
}
