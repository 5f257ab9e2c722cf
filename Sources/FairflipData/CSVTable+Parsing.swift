import FairflipConcurrency
import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension CSVTable {
    /// The typed columns and field positions of a parse, in buffers every chunk writes into.
    ///
    /// Column `j`'s numbers are `values[j * stride ..< j * stride + rows]` (NaN where a field is
    /// not a number); field `j` of record `r` ends at `ends[r * width + j]` (a `FieldEnd`) after
    /// the record's start `starts[r]`; `lines[r]` is the record's line (relative to its chunk
    /// until the parse ends).
    struct Columns: Sendable {
        let width: Int
        /// Rows reserved per column: the sum of the chunks' bounds.
        let stride: Int
        let values: ParseBuffer<Double>
        let ends: ParseBuffer<UInt32>
        let starts: ParseBuffer<Int>
        let lines: ParseBuffer<Int>

        init(width: Int, rows: Int) {
            self.width = width
            stride = rows
            values = ParseBuffer(capacity: rows * width)
            ends = ParseBuffer(capacity: rows * width)
            starts = ParseBuffer(capacity: rows)
            lines = ParseBuffer(capacity: rows)
        }

        /// Moves `count` rows from row `from` to row `to` (< `from`) in every buffer but `lines`.
        func moveRows(from: Int, to: Int, count: Int) {
            guard count > 0, from != to else { return }
            for j in 0..<width {
                memmove(values.base + j * stride + to, values.base + j * stride + from, count * MemoryLayout<Double>.stride)
            }
            memmove(ends.base + to * width, ends.base + from * width, count * width * MemoryLayout<UInt32>.stride)
            memmove(starts.base + to, starts.base + from, count * MemoryLayout<Int>.stride)
        }
    }

    /// The parsed file: its bytes, the header, and every field's place and number.
    final class Storage: Sendable {
        let bytes: ParseBuffer<UInt8>
        let header: [String]
        let width: Int
        let headerLine: Int
        /// The 1-based line of each record.
        let lines: [Int]
        /// Fields per column that do not read as numbers.
        let nonNumeric: [Int]
        /// Names the header gives to more than one column, with their positions.
        let repeated: [String: [Int]]
        let columns: Columns

        init(bytes: ParseBuffer<UInt8>, count: Int, path: String, threads: Int, minimumChunk: Int = 1 << 20) throws(InputError) {
            self.bytes = bytes
            let p = try Parsed(UnsafeBufferPointer(start: bytes.base, count: count), path: path,
                               threads: max(1, threads), minimumChunk: minimumChunk)
            header = p.header
            width = p.header.count
            headerLine = p.headerLine
            lines = p.lines
            nonNumeric = p.nonNumeric
            repeated = p.repeated
            columns = p.columns
        }

        func cell(_ row: Int, _ column: Int) -> String {
            precondition(row >= 0 && row < lines.count && column >= 0 && column < width, "cell out of range")
            let f = row * width + column
            let ends = columns.ends.base
            return FieldEnd.text(bytes.base, recordStart: columns.starts.base[row],
                                 previous: column == 0 ? nil : ends[f - 1], end: ends[f])
        }

        func number(_ row: Int, _ column: Int) -> Double? {
            precondition(row >= 0 && row < lines.count && column >= 0 && column < width, "cell out of range")
            let v = columns.values.base[column * columns.stride + row]
            if !v.isNaN { return v }
            return Double(cell(row, column).trimmingWhitespace)  // nil, or the text was "nan"
        }

        func hasNumber(_ row: Int, _ column: Int) -> Bool {
            precondition(row >= 0 && row < lines.count && column >= 0 && column < width, "cell out of range")
            return !columns.values.base[column * columns.stride + row].isNaN
        }

        /// Column `column`'s numbers, NaN where a field is not one.
        func numbers(_ column: Int) -> [Double] {
            precondition(column >= 0 && column < width, "column out of range")
            return Array(UnsafeBufferPointer(start: columns.values.base + column * columns.stride, count: lines.count))
        }
    }

    /// What a parse produced, before it is stored.
    private struct Parsed {
        var header: [String] = []
        var headerLine = 1
        var lines: [Int] = []
        var nonNumeric: [Int] = []
        var repeated: [String: [Int]] = [:]
        var columns: Columns

        init(_ buffer: UnsafeBufferPointer<UInt8>, path: String, threads: Int, minimumChunk: Int) throws(InputError) {
            let n = buffer.count
            var start = 0
            if n >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }  // a UTF-8 byte-order mark

            // The header: the first record, read alone.
            var headerScan = CSVScanner(bytes: buffer, width: nil, sink: HeaderSink())
            let bodyStart: Int
            do { bodyStart = try headerScan.scan(from: start, to: n, single: true) } catch {
                throw InputError(file: path, line: 1 + error.line, column: nil, error.message)
            }
            guard headerScan.sink.records > 0, let p = buffer.baseAddress else {
                throw InputError(file: path, "the file is empty: a header row is required")
            }
            headerLine = 1 + headerScan.sink.line
            header = headerScan.sink.names(p)
            var positions: [String: [Int]] = [:]
            for (j, name) in header.enumerated() { positions[name, default: []].append(j) }
            repeated = positions.filter { $0.value.count > 1 }
            let width = header.count

            // The body, in chunks that start at record boundaries; each chunk's rows get a place
            // (an upper bound on its records, counted in parallel) in buffers shared by all.
            let bounds = CSVTable.chunkBounds(buffer, from: bodyStart, threads: threads, minimumChunk: minimumChunk)
            let chunks = bounds.count - 1
            var capacities = [Int](repeating: 0, count: chunks)
            capacities.withUnsafeMutableBufferPointer { c in
                nonisolated(unsafe) let c = c, p = p
                DispatchQueue.concurrentPerform(iterations: chunks) { k in
                    c[k] = CSVTable.recordBound(p, from: bounds[k], to: bounds[k + 1])
                }
            }
            let firstRows = capacities.reduce(into: [0]) { $0.append($0.last! + $1) }
            let columns = Columns(width: width, rows: firstRows[chunks])
            self.columns = columns

            let results = Locked([Result<ChunkOutput, CSVFault>?](repeating: nil, count: chunks))
            let capacity = capacities
            nonisolated(unsafe) let bytes = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { k in
                let writer = ChunkWriter(into: columns, firstRow: firstRows[k], capacity: capacity[k])
                var scanner = CSVScanner(bytes: bytes, width: width, sink: writer)
                do throws(CSVFault) {
                    _ = try scanner.scan(from: bounds[k], to: bounds[k + 1])
                    let output = ChunkOutput(rows: scanner.sink.rows, lineBreaks: scanner.line, nonNumeric: scanner.sink.nonNumeric)
                    results.withLock { $0[k] = .success(output) }
                } catch {
                    results.withLock { $0[k] = .failure(error) }
                }
            }

            // In chunk order: the first fault, else the rows moved together (only when a chunk
            // found fewer records than its bound: blank lines, line breaks inside quoted fields)
            // and the lines made absolute.
            var line = 1 + headerScan.line
            var rows = 0
            nonNumeric = [Int](repeating: 0, count: width)
            lines.reserveCapacity(firstRows[chunks])
            for (k, result) in results.withLock({ $0 }).enumerated() {
                switch result! {
                case .failure(let fault):
                    let column = fault.field.flatMap { $0 < width ? header[$0] : nil }
                    throw InputError(file: path, line: line + fault.line, column: column, fault.message)
                case .success(let chunk):
                    columns.moveRows(from: firstRows[k], to: rows, count: chunk.rows)
                    let relative = UnsafeBufferPointer(start: columns.lines.base + firstRows[k], count: chunk.rows)
                    lines.append(contentsOf: relative.lazy.map { line + $0 })
                    for j in 0..<width { nonNumeric[j] += chunk.nonNumeric[j] }
                    line += chunk.lineBreaks
                    rows += chunk.rows
                }
            }
        }
    }

    /// One chunk's output besides what it wrote into the columns.
    private struct ChunkOutput: Sendable {
        var rows: Int
        var lineBreaks: Int
        var nonNumeric: [Int]
    }

    /// At most how many records `from..<to` holds: every record but the range's last ends
    /// with a line break (LF, CR LF or a lone CR), and the last one too when the range ends
    /// with one. Blank lines and breaks inside quoted fields make it an overestimate.
    static func recordBound(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        var breaks = 0
        var i = start
        while i < end, let hit = memchr(p + i, 0x0A, end - i) {
            breaks += 1
            i = p.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        i = start
        while i < end, let hit = memchr(p + i, 0x0D, end - i) {
            i = p.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            if i == end || p[i] != 0x0A { breaks += 1 }  // a lone CR (a CR LF was counted by its LF)
        }
        let last = p[end - 1]
        return breaks + (last == 0x0A || last == 0x0D ? 0 : 1)
    }

    /// Chunk starts (and the end) for parsing `from...` on `threads` threads: line ends outside
    /// quoted fields, found by quote parity (a line feed ends a record when an even number of
    /// quotes precede it; up to the first malformed quote that is exactly the parser's state).
    static func chunkBounds(_ b: UnsafeBufferPointer<UInt8>, from start: Int, threads: Int, minimumChunk: Int) -> [Int] {
        let n = b.count
        let pieces = min(threads * 2, max(1, (n - start) / max(1, minimumChunk)))
        guard pieces > 1, let p = b.baseAddress else { return [start, n] }
        let hasQuotes = memchr(p + start, 0x22, n - start) != nil
        var bounds = [start]
        var j = start, quotes = 0
        for k in 1..<pieces {
            let target = start + (n - start) / pieces * k
            guard target > j else { continue }
            if hasQuotes {
                while j < target { if p[j] == 0x22 { quotes += 1 }; j += 1 }
                while j < n && !(p[j] == 0x0A && quotes % 2 == 0) { if p[j] == 0x22 { quotes += 1 }; j += 1 }
            } else {
                j = target
                if let nl = memchr(p + j, 0x0A, n - j) { j = p.distance(to: nl.assumingMemoryBound(to: UInt8.self)) } else { j = n }
            }
            guard j < n else { break }
            j += 1
            bounds.append(j)
        }
        bounds.append(n)
        return bounds
    }
}
