import Foundation

/// A CSV file read into memory: a header and rows of strings, with the line each row started on.
///
/// fairflip reads CSV itself rather than through a package because its errors must name
/// the exact line of a ragged row or an unterminated quote, which the maintained CSV
/// readers do not report.
public struct CSVTable: Sendable {
    /// The file, as given.
    public let path: String
    /// Column names from the first record.
    public let header: [String]
    /// Data records, each as long as the header.
    public let rows: [[String]]
    /// The 1-based line on which each data record starts (the header is line 1).
    public let lines: [Int]
    /// The line of the header (1 unless the file starts with blank lines).
    public let headerLine: Int

    /// Reads and validates a comma-separated file with a header row (RFC 4180 quoting).
    public init(contentsOf path: String) throws(InputError) {
        try self.init(text: readText(path, naming: "file"), path: path)
    }

    /// Parses CSV text; `path` is only used in error messages.
    public init(text: String, path: String) throws(InputError) {
        self.path = path
        var records: [[String]] = []
        var starts: [Int] = []
        var field: [UInt8] = []
        var record: [String] = []
        var inQuotes = false
        var quoteLine = 0
        var quoteColumn: String? = nil
        var line = 1
        var recordStart = 1
        var fieldWasQuoted = false
        var afterQuote = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a UTF-8 byte-order mark
        var i = 0
        /// The column of the field being read, when the header is known.
        func currentColumn() -> String? {
            guard let header = records.first, record.count < header.count else { return nil }
            return header[record.count].trimmingCharacters(in: .whitespaces)
        }
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            afterQuote = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if b == UInt8(ascii: "\n") { line += 1 }
                    field.append(b)
                }
            } else if b == UInt8(ascii: ",") {
                endField()
            } else if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                if b == UInt8(ascii: "\r"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                if !(record.isEmpty && field.isEmpty && !fieldWasQuoted) {
                    endField()
                    records.append(record)
                    starts.append(recordStart)
                }
                record.removeAll(keepingCapacity: true)
                line += 1
                recordStart = line
            } else if b == UInt8(ascii: "\"") && field.isEmpty && !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
                quoteColumn = currentColumn()
            } else {
                if afterQuote {
                    throw InputError(file: path, line: line, column: currentColumn(),
                                     "malformed quoting: text after the closing quote of a quoted field")
                }
                if b == UInt8(ascii: "\"") {
                    throw InputError(file: path, line: line, column: currentColumn(),
                                     "malformed quoting: a quote inside an unquoted field (quote the whole field and double inner quotes)")
                }
                field.append(b)
            }
            i += 1
        }
        if inQuotes {
            throw InputError(file: path, line: quoteLine, column: quoteColumn,
                             "malformed quoting: a quoted field is never closed")
        }
        if !(record.isEmpty && field.isEmpty && !fieldWasQuoted) {
            endField()
            records.append(record)
            starts.append(recordStart)
        }
        guard let header = records.first else {
            throw InputError(file: path, "the file is empty: a header row is required")
        }
        let width = header.count
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        for (r, row) in records.enumerated().dropFirst() where row.count != width {
            if row.count < width {
                throw InputError(
                    file: path, line: starts[r], column: names[row.count],
                    "ragged row: \(row.count) fields where the header has \(width); this column and any after it are absent")
            }
            throw InputError(
                file: path, line: starts[r], column: names[width - 1],
                "ragged row: \(row.count) fields where the header has \(width); extra fields after this last column")
        }
        self.header = names
        self.headerLine = starts[0]
        self.rows = Array(records.dropFirst())
        self.lines = Array(starts.dropFirst())
    }

    /// The index of a column by name (the first, if a name repeats), or an error naming the file,
    /// the header line, the column and close matches among the file's columns.
    ///
    /// - Parameters:
    ///   - role: what the column is for, e.g. "the label".
    ///   - source: where the name comes from, e.g. "label.column in toy.toml line 12".
    public func columnIndex(_ name: String, role: String, source: String? = nil) throws(InputError) -> Int {
        if let j = header.firstIndex(of: name) { return j }
        let close = closeMatches(of: name, among: header)
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
