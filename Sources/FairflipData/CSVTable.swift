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

    /// Reads and validates a comma-separated file with a header row (RFC 4180 quoting).
    public init(contentsOf path: String) throws(InputError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot read the file (missing or unreadable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, "the file is not UTF-8 text")
        }
        try self.init(text: text, path: path)
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
        var line = 1
        var recordStart = 1
        var fieldWasQuoted = false
        var afterQuote = false
        let bytes = Array(text.utf8)
        var i = 0
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
            } else {
                if afterQuote {
                    throw InputError(file: path, line: line, "malformed quoting: text after a closing quote")
                }
                if b == UInt8(ascii: "\"") {
                    throw InputError(file: path, line: line, "malformed quoting: a quote inside an unquoted field")
                }
                field.append(b)
            }
            i += 1
        }
        if inQuotes {
            throw InputError(file: path, line: quoteLine, "malformed quoting: a quoted field is never closed")
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
        for (r, row) in records.enumerated().dropFirst() where row.count != width {
            throw InputError(
                file: path, line: starts[r],
                "ragged row: \(row.count) fields where the header has \(width)")
        }
        self.header = header.map { $0.trimmingCharacters(in: .whitespaces) }
        self.rows = Array(records.dropFirst())
        self.lines = Array(starts.dropFirst())
    }

    /// The index of a column by name (the first, if a name repeats), or an error naming the file.
    public func columnIndex(_ name: String, role: String) throws(InputError) -> Int {
        if let j = header.firstIndex(of: name) { return j }
        let close = header.filter { $0.lowercased() == name.lowercased() }
        let hint = close.isEmpty ? "" : " (did you mean '\(close[0])'?)"
        throw InputError(
            file: path, column: name,
            "no such column for the \(role)\(hint); the file has: \(header.joined(separator: ", "))")
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
