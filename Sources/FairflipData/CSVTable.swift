import Foundation

/// A CSV file read into memory: a header, and typed access to each record's fields, with the
/// line each record started on.
///
/// fairflip reads CSV itself rather than through a package because its errors must name the
/// exact line and column of a ragged row, an unterminated quote or a byte that is not UTF-8,
/// which the maintained CSV readers do not report. It reads the file and parses the raw bytes
/// on several threads (chunks split at line ends outside quoted fields, see
/// `CSVTable+Parsing.swift`), each chunk writing its rows straight into the table's columns:
/// every field is read as a number once into a column-major typed column, and its place in the
/// bytes is kept in 4 bytes, so `number(_:_:)` costs a lookup and a `String` is only made when asked.
public struct CSVTable: Sendable {
    /// The file, as given.
    public let path: String
    let storage: Storage

    /// Column names from the first record (trimmed). A name may occur twice (COMPAS's file has
    /// two identical `priors_count` columns); `columnIndex` refuses such a name, naming both
    /// columns, when their contents differ.
    public var header: [String] { storage.header }
    /// The 1-based line on which each data record starts (the header is line 1).
    public var lines: [Int] { storage.lines }
    /// The line of the header (1 unless the file starts with blank lines).
    public var headerLine: Int { storage.headerLine }
    /// Number of data records.
    public var rowCount: Int { storage.lines.count }
    /// Data records, each as long as the header, as strings (made on access).
    public var rows: Rows { Rows(storage: storage) }

    /// Reads and validates a comma-separated file with a header row (RFC 4180 quoting).
    ///
    /// - Parameter threads: reading and parsing threads (default: the active processors); the table does not depend on it.
    public init(contentsOf path: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws(InputError) {
        try self.init(contentsOf: path, threads: threads, minimumPiece: 4 << 20, minimumChunk: 1 << 20)
    }

    /// Reads a file in pieces of at least `minimumPiece` bytes and parses it in chunks of at least
    /// `minimumChunk` bytes (the tests make both tiny).
    init(contentsOf path: String, threads: Int, minimumPiece: Int, minimumChunk: Int) throws(InputError) {
        self.path = path
        let (bytes, count) = try ParseBuffer.contents(of: path, naming: "file", threads: threads, minimumPiece: minimumPiece)
        storage = try Storage(bytes: bytes, count: count, path: path, threads: threads, minimumChunk: minimumChunk)
    }

    /// Parses CSV text; `path` is only used in error messages.
    public init(text: String, path: String, threads: Int = 1) throws(InputError) {
        try self.init(text: text, path: path, threads: threads, minimumChunk: 1 << 20)
    }

    /// Parses CSV text in chunks of at least `minimumChunk` bytes (the tests make them tiny).
    init(text: String, path: String, threads: Int, minimumChunk: Int) throws(InputError) {
        self.path = path
        let bytes = Array(text.utf8)
        storage = try Storage(bytes: ParseBuffer(copying: bytes), count: bytes.count, path: path, threads: threads,
                              minimumChunk: minimumChunk)
    }

    /// The text of a field (quotes removed, doubled quotes undone), untrimmed.
    public func cell(_ row: Int, _ column: Int) -> String { storage.cell(row, column) }

    /// The field read as a number, as `Double(String)` reads its trimmed text (nil if it is not one).
    public func number(_ row: Int, _ column: Int) -> Double? { storage.number(row, column) }

    /// Whether the field reads as a number other than NaN: a lookup in the typed column, no text
    /// made (a field that is a number is never one of a spec's missing-value markers unless a
    /// marker is itself a number).
    public func hasNumber(_ row: Int, _ column: Int) -> Bool { storage.hasNumber(row, column) }

    /// Whether every field of the column reads as a number.
    public func isNumeric(_ column: Int) -> Bool { storage.nonNumeric[column] == 0 }

    /// The column as numbers, NaN where a field is not one: the typed column.
    public func numbers(_ column: Int) -> [Double] { storage.numbers(column) }

    /// The records of a table, each a collection of its fields' text.
    public struct Rows: RandomAccessCollection, Sendable {
        let storage: Storage
        public var startIndex: Int { 0 }
        public var endIndex: Int { storage.lines.count }
        public subscript(row: Int) -> Row { Row(storage: storage, row: row) }
    }

    /// One record's fields as text.
    public struct Row: RandomAccessCollection, Sendable {
        let storage: Storage
        let row: Int
        public var startIndex: Int { 0 }
        public var endIndex: Int { storage.header.count }
        public subscript(column: Int) -> String { storage.cell(row, column) }
    }

    /// The first record where columns sharing a name hold different text (trimmed), if any.
    private func firstDifference(_ columns: [Int]) -> Int? {
        (0..<rowCount).first { r in
            let first = cell(r, columns[0]).trimmingWhitespace
            return columns.dropFirst().contains { cell(r, $0).trimmingWhitespace != first }
        }
    }

    /// The index of a column by name (a name used twice only when both columns hold the same
    /// text on every row), or an error naming the file, the header line, the column
    /// and close matches among the file's columns.
    ///
    /// - Parameters:
    ///   - role: what the column is for, e.g. "the label".
    ///   - source: where the name comes from, e.g. "label.column in toy.toml line 12".
    public func columnIndex(_ name: String, role: String, source: String? = nil) throws(InputError) -> Int {
        if let positions = storage.repeated[name], let r = firstDifference(positions) {
            throw InputError(file: path, line: headerLine, column: name,
                             "the header names \(positions.count) columns '\(name)' (columns "
                             + "\(positions.map { String($0 + 1) }.joined(separator: " and ")) of the file) and they differ "
                             + "(line \(lines[r])), so the column wanted for \(role)\(source.map { " (named by \($0))" } ?? "") "
                             + "is ambiguous; rename one of them")
        }
        if let j = header.firstIndex(of: name) { return j }
        var seen = Set<String>()
        let close = closeMatches(of: name, among: header.filter { seen.insert($0).inserted })
        var message = "no such column (wanted for \(role)"
        if let source { message += ", named by \(source)" }
        message += ")"
        if !close.isEmpty {
            message += "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?"
        } else if header.count <= 30 {
            message += "; the columns are: \(header.joined(separator: ", "))"
        } else {
            message += "; the file has \(header.count) columns: \(header.prefix(30).joined(separator: ", ")), ..."
        }
        throw InputError(file: path, line: headerLine, column: name, message)
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without a trip through Foundation for the usual
    /// cells: ASCII spaces and tabs are stripped here; when a non-ASCII character is at either end
    /// (it may be Unicode whitespace, U+00A0 say), Foundation decides as before.
    var trimmingWhitespace: String {
        let u = utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, u[start] == 0x20 || u[start] == 0x09 { u.formIndex(after: &start) }
        while end > start {
            let last = u[u.index(before: end)]
            guard last == 0x20 || last == 0x09 else { break }
            u.formIndex(before: &end)
        }
        if start < end, u[start] >= 0x80 || u[u.index(before: end)] >= 0x80 {
            return trimmingCharacters(in: .whitespaces)
        }
        if start == u.startIndex && end == u.endIndex { return self }
        return String(self[start..<end])
    }
}
