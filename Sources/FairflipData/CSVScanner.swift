/// One pass of the CSV state machine (RFC 4180 quoting) over a byte range that starts at a
/// record boundary: where each field ends, what number it reads as, and the first problem.
///
/// `CSVTable` runs one scanner over the header and then one per chunk of the body, on several
/// threads; chunk boundaries are line ends outside quoted fields, so each chunk parses exactly
/// as the whole file would. What is found goes to a `CSVFieldSink` (the header's names, or a
/// chunk's rows written straight into the table's typed columns). Lines are counted from the
/// start of the range; the table shifts them once every earlier chunk's line count is known.
struct CSVScanner<Sink: CSVFieldSink> {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Fields per record (the header's), or nil while reading the header itself.
    let width: Int?
    var sink: Sink
    /// Line breaks consumed so far.
    var line = 0

    init(bytes: UnsafeBufferPointer<UInt8>, width: Int?, sink: Sink) {
        self.bytes = bytes
        self.width = width
        self.sink = sink
    }

    /// Bytes that end an unquoted field: comma, quote, CR, LF.
    private static var stops: [Bool] { CSVStopBytes.table }

    /// Scans records from `start` until `end` (or after one record if `single`); returns where it stopped.
    mutating func scan(from start: Int, to end: Int, single: Bool = false) throws(CSVFault) -> Int {
        guard let p = bytes.baseAddress else { return start }
        var i = start
        let stops = Self.stops
        while i < end {
            // Blank lines between records are skipped.
            if p[i] == 0x0A || p[i] == 0x0D {
                i = lineBreak(p, at: i, end: end)
                continue
            }
            let recordStart = i, recordLine = line
            var field = 0
            while true {
                var fieldStart = i, fieldEnd = i
                var flags: UInt32 = 0
                var high: UInt8 = 0
                if i < end && p[i] == 0x22 {
                    let quoteLine = line
                    flags = FieldEnd.quoted
                    i += 1
                    fieldStart = i
                    while true {
                        while i < end && p[i] != 0x22 {
                            if p[i] == 0x0A { line += 1 }
                            high |= p[i]
                            i += 1
                        }
                        guard i < end else {
                            throw CSVFault(offset: fieldStart - 1, line: quoteLine, field: field,
                                           message: "malformed quoting: a quoted field is never closed")
                        }
                        if i + 1 < end && p[i + 1] == 0x22 {
                            flags |= FieldEnd.doubledQuotes
                            i += 2
                            continue
                        }
                        fieldEnd = i
                        i += 1
                        break
                    }
                    if i < end && p[i] != 0x2C && p[i] != 0x0A && p[i] != 0x0D {
                        throw CSVFault(offset: i, line: line, field: field,
                                       message: "malformed quoting: text after the closing quote of a quoted field")
                    }
                } else if Sink.readsNumbers, let (value, stop) = DecimalParser.plain(p, from: i, to: end) {
                    // The common case, a plain decimal, read in the same pass.
                    sink.field(field, end: stop - recordStart, flags: 0, value: value)
                    i = stop
                    field += 1
                    if i < end && p[i] == 0x2C {
                        i += 1
                        continue
                    }
                    break
                } else {
                    while i < end && !stops[Int(p[i])] {
                        high |= p[i]
                        i += 1
                    }
                    if i < end && p[i] == 0x22 {
                        throw CSVFault(offset: i, line: line, field: field,
                                       message: "malformed quoting: a quote inside an unquoted field "
                                       + "(quote the whole field and double inner quotes)")
                    }
                    fieldEnd = i
                }
                if high >= 0x80, let bad = UTF8Check.firstInvalid(p, from: fieldStart, to: fieldEnd) {
                    throw CSVFault(offset: bad, line: line - newlines(p, from: bad, to: fieldEnd), field: field,
                                   message: "the file is not UTF-8 text: invalid byte 0x\(String(p[bad], radix: 16, uppercase: true)) "
                                   + "at character \(characterColumn(p, at: bad, fieldStart: fieldStart)) of this field "
                                   + "(convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8)")
                }
                let value = Sink.readsNumbers ? DecimalParser.parse(p, from: fieldStart, to: fieldEnd) : nil
                sink.field(field, end: i - recordStart, flags: flags, value: value)
                field += 1
                if i < end && p[i] == 0x2C {
                    i += 1
                    continue
                }
                break
            }
            if i - recordStart > FieldEnd.longestRecord {
                throw CSVFault(offset: recordStart, line: recordLine, field: nil,
                               message: "a record of more than \(FieldEnd.longestRecord) bytes (the longest fairflip reads)")
            }
            sink.record(start: recordStart, line: recordLine)
            let recordOffset = i
            if i < end { i = lineBreak(p, at: i, end: end) }
            if let width, field != width {
                throw CSVFault(offset: recordOffset, line: recordLine, field: field < width ? field : width - 1,
                               message: field < width
                                   ? "ragged row: \(field) fields where the header has \(width); this column and any after it are absent"
                                   : "ragged row: \(field) fields where the header has \(width); extra fields after this last column")
            }
            if single { return i }
        }
        return i
    }

    /// Consumes a line break (CR LF counts once) and counts it.
    private mutating func lineBreak(_ p: UnsafePointer<UInt8>, at i: Int, end: Int) -> Int {
        line += 1
        if p[i] == 0x0D, i + 1 < end, p[i + 1] == 0x0A { return i + 2 }
        return i + 1
    }

    /// Line feeds in `from..<to` (to place a fault inside a multi-line quoted field).
    private func newlines(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var n = 0
        for k in from..<to where p[k] == 0x0A { n += 1 }
        return n
    }

    /// The 1-based character position of byte `at` within its line of the field.
    private func characterColumn(_ p: UnsafePointer<UInt8>, at: Int, fieldStart: Int) -> Int {
        var k = at
        while k > fieldStart && p[k - 1] != 0x0A { k -= 1 }
        let prefix = UnsafeBufferPointer(start: p + k, count: at - k)
        return prefix.reduce(1) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}

/// The bytes that end an unquoted field (comma, quote, CR, LF), as a lookup table.
private enum CSVStopBytes {
    static let table: [Bool] = (0..<256).map { [0x2C, 0x22, 0x0D, 0x0A].contains($0) }
}

/// A problem at a place in a scanned range.
struct CSVFault: Error {
    /// Byte offset where it was found (orders faults across chunks).
    var offset: Int
    /// Line relative to the start of the range (0: the first line).
    var line: Int
    /// The field's position in its record, when known.
    var field: Int?
    var message: String
}

/// UTF-8 validation that says where the first invalid byte is (RFC 3629: no overlong forms,
/// no surrogates, nothing past U+10FFFF).
enum UTF8Check {
    static func firstInvalid(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = start
        while i < end {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            let second = p[i + 1]
            guard second >= low && second <= high else { return i }
            for k in 2..<max(2, length) where p[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

extension UTF8Check {
    /// Where the first invalid byte of a whole text is, as a located error (nil if the text is valid).
    static func error(in bytes: [UInt8], file: String, naming what: String) -> InputError? {
        bytes.withUnsafeBufferPointer { b -> InputError? in
            guard let p = b.baseAddress, let bad = firstInvalid(p, from: 0, to: b.count) else { return nil }
            var line = 1, lineStart = 0
            for k in 0..<bad where p[k] == 0x0A { line += 1; lineStart = k + 1 }
            let character = UnsafeBufferPointer(start: p + lineStart, count: bad - lineStart)
                .reduce(1) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
            return InputError(file: file, line: line,
                              "the \(what) is not UTF-8 text: invalid byte 0x\(String(p[bad], radix: 16, uppercase: true)) "
                              + "at character \(character) of the line (convert it to UTF-8, e.g. iconv -f latin1 -t utf-8)")
        }
    }
}
