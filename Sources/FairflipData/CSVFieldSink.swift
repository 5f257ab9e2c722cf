/// Where a `CSVScanner` puts what it finds: each field's end and number, each record's start.
protocol CSVFieldSink {
    /// Whether fields are read as numbers (the body) or only located (the header).
    static var readsNumbers: Bool { get }
    /// Field `index` of the current record ends `end` bytes after the record's start (at the
    /// comma, line break or end of range after it); `flags` are `FieldEnd`'s; `value` is the
    /// field read as a number (nil when it is not one, or when numbers are not read).
    mutating func field(_ index: Int, end: Int, flags: UInt32, value: Double?)
    /// The record whose fields were just given starts at byte `start`, on relative line `line`.
    mutating func record(start: Int, line: Int)
}

/// A field's place in 32 bits: the offset of its end from its record's start, and whether it
/// was quoted (its text then lies one byte inside at each side) or holds doubled quotes.
///
/// The previous field's end (plus the comma) is where a field starts, so one number per field
/// locates its text; records are limited to `longestRecord` bytes.
enum FieldEnd {
    static let quoted: UInt32 = 1 << 31
    static let doubledQuotes: UInt32 = 1 << 30
    static let offsetMask: UInt32 = (1 << 30) - 1
    /// The longest record whose field ends fit.
    static let longestRecord = (1 << 30) - 1

    /// Where a field's text lies (inside its quotes, if quoted), from its record's start, the
    /// previous field's end (nil for the first field) and its own.
    static func span(recordStart: Int, previous: UInt32?, end: UInt32) -> Range<Int> {
        var start = recordStart + (previous.map { Int($0 & offsetMask) + 1 } ?? 0)
        var stop = recordStart + Int(end & offsetMask)
        if end & quoted != 0 {
            start += 1
            stop -= 1
        }
        return start..<stop
    }

    /// The text of a field (quotes removed, doubled quotes undone), untrimmed, from its record's
    /// start, the previous field's end (nil for the first field) and its own.
    static func text(_ p: UnsafePointer<UInt8>, recordStart: Int, previous: UInt32?, end: UInt32) -> String {
        let range = span(recordStart: recordStart, previous: previous, end: end)
        let span = UnsafeBufferPointer(start: p + range.lowerBound, count: range.count)
        guard end & doubledQuotes != 0 else { return String(decoding: span, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(span.count)
        var k = 0
        while k < span.count {
            out.append(span[k])
            k += span[k] == 0x22 ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The header record's field ends (its names are made from them).
struct HeaderSink: CSVFieldSink {
    static var readsNumbers: Bool { false }
    var ends: [UInt32] = []
    var start = 0
    var line = 0
    var records = 0

    mutating func field(_ index: Int, end: Int, flags: UInt32, value: Double?) {
        ends.append(UInt32(truncatingIfNeeded: end) | flags)
    }

    mutating func record(start: Int, line: Int) {
        self.start = start
        self.line = line
        records += 1
    }

    /// The names, trimmed.
    func names(_ p: UnsafePointer<UInt8>) -> [String] {
        ends.indices.map { j in
            FieldEnd.text(p, recordStart: start, previous: j == 0 ? nil : ends[j - 1], end: ends[j])
                .trimmingCharacters(in: .whitespaces)
        }
    }
}

/// One chunk's records, written where the table keeps them: each number into its column
/// (column-major, `stride` rows per column), each field's end and each record's start and line
/// at rows `firstRow...` of buffers shared with the other chunks (which write other rows).
struct ChunkWriter: CSVFieldSink {
    static var readsNumbers: Bool { true }
    let width: Int
    let values: UnsafeMutablePointer<Double>
    let stride: Int
    let ends: UnsafeMutablePointer<UInt32>
    let starts: UnsafeMutablePointer<Int>
    let lines: UnsafeMutablePointer<Int>
    let firstRow: Int
    /// Rows reserved for this chunk (an upper bound on its records).
    let capacity: Int
    /// Records written.
    var rows = 0
    /// Fields per column that are not numbers.
    var nonNumeric: [Int]

    init(into table: CSVTable.Columns, firstRow: Int, capacity: Int) {
        width = table.width
        values = table.values.base
        stride = table.stride
        ends = table.ends.base
        starts = table.starts.base
        lines = table.lines.base
        self.firstRow = firstRow
        self.capacity = capacity
        nonNumeric = [Int](repeating: 0, count: table.width)
    }

    @inline(__always)
    mutating func field(_ index: Int, end: Int, flags: UInt32, value: Double?) {
        guard index < width else { return }  // a ragged row, refused once the record ends
        if index == 0 { precondition(rows < capacity, "a chunk found more records than its line breaks allow") }
        let row = firstRow + rows
        ends[row * width + index] = UInt32(truncatingIfNeeded: end) | flags
        if let value {
            values[index * stride + row] = value
        } else {
            values[index * stride + row] = .nan
            nonNumeric[index] += 1
        }
    }

    @inline(__always)
    mutating func record(start: Int, line: Int) {
        starts[firstRow + rows] = start
        lines[firstRow + rows] = line
        rows += 1
    }
}
