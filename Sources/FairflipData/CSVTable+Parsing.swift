import FairflipConcurrency
import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension CSVTable {
    /// The parsed file: its bytes, the header, and every field's place and number, row-major.
    final class Storage: Sendable {
        let bytes: [UInt8]
        let header: [String]
        let width: Int
        let headerLine: Int
        let lines: [Int]
        /// Fields per column that do not read as numbers.
        let nonNumeric: [Int]
        /// Names the header gives to more than one column, with their positions.
        let repeated: [String: [Int]]
        /// Every field, record after record (`width` per record).
        let fields: CSVScanner.Fields

        init(bytes: [UInt8], path: String, threads: Int, minimumChunk: Int = 1 << 20) throws(InputError) {
            self.bytes = bytes
            var parsed: Parsed?
            var failure: InputError?
            bytes.withUnsafeBufferPointer { buffer in
                do throws(InputError) { parsed = try Parsed(buffer, path: path, threads: max(1, threads), minimumChunk: minimumChunk) } catch { failure = error }
            }
            if let failure { throw failure }
            let p = parsed!
            header = p.header
            width = p.header.count
            headerLine = p.headerLine
            lines = p.lines
            nonNumeric = p.nonNumeric
            repeated = p.repeated
            fields = p.fields
        }

        func cell(_ row: Int, _ column: Int) -> String {
            precondition(row >= 0 && row < lines.count && column >= 0 && column < width, "cell out of range")
            let f = row * width + column
            return bytes.withUnsafeBufferPointer { Self.text($0, start: fields.starts[f], length: fields.lengths[f]) }
        }

        func number(_ row: Int, _ column: Int) -> Double? {
            precondition(row >= 0 && row < lines.count && column >= 0 && column < width, "cell out of range")
            let v = fields.values[row * width + column]
            if !v.isNaN { return v }
            return Double(cell(row, column).trimmingWhitespace)  // nil, or the text was "nan"
        }

        /// A field's text: the bytes, with doubled quotes undone when the field has them.
        static func text(_ b: UnsafeBufferPointer<UInt8>, start: Int, length: UInt32) -> String {
            let n = Int(length & ~CSVScanner.Fields.doubledQuotes)
            let span = UnsafeBufferPointer(rebasing: b[start..<(start + n)])
            guard length & CSVScanner.Fields.doubledQuotes != 0 else { return String(decoding: span, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(n)
            var k = 0
            while k < n {
                out.append(span[k])
                k += span[k] == 0x22 ? 2 : 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// What a parse produced, before it is stored.
    private struct Parsed {
        var header: [String] = []
        var headerLine = 1
        var lines: [Int] = []
        var nonNumeric: [Int] = []
        var fields = CSVScanner.Fields()
        var repeated: [String: [Int]] = [:]

        init(_ buffer: UnsafeBufferPointer<UInt8>, path: String, threads: Int, minimumChunk: Int) throws(InputError) {
            let n = buffer.count
            var start = 0
            if n >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }  // a UTF-8 byte-order mark

            // The header: the first record, read alone.
            var headerScan = CSVScanner(bytes: buffer, width: nil)
            let bodyStart: Int
            do { bodyStart = try headerScan.scan(from: start, to: n, single: true) } catch {
                throw InputError(file: path, line: 1 + error.line, column: nil, error.message)
            }
            guard let headerRecordLine = headerScan.recordLines.first else {
                throw InputError(file: path, "the file is empty: a header row is required")
            }
            headerLine = 1 + headerRecordLine
            header = zip(headerScan.fields.starts, headerScan.fields.lengths).map {
                Storage.text(buffer, start: $0, length: $1).trimmingCharacters(in: .whitespaces)
            }
            var positions: [String: [Int]] = [:]
            for (j, name) in header.enumerated() { positions[name, default: []].append(j) }
            repeated = positions.filter { $0.value.count > 1 }
            let width = header.count

            // The body, in chunks that start at record boundaries, scanned in parallel.
            let bounds = Self.chunkBounds(buffer, from: bodyStart, threads: threads, minimumChunk: minimumChunk)
            let results = Locked([Result<ChunkOutput, CSVScanner.Fault>?](repeating: nil, count: bounds.count - 1))
            nonisolated(unsafe) let bytes = buffer
            DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { k in
                var scanner = CSVScanner(bytes: bytes, width: width)
                scanner.fields.reserve((Self.lineFeeds(bytes, from: bounds[k], to: bounds[k + 1]) + 1) * width)
                do throws(CSVScanner.Fault) {
                    _ = try scanner.scan(from: bounds[k], to: bounds[k + 1])
                    let output = ChunkOutput(fields: scanner.fields, recordLines: scanner.recordLines,
                                             lineBreaks: scanner.line, nonNumeric: scanner.nonNumeric)
                    results.withLock { $0[k] = .success(output) }
                } catch {
                    results.withLock { $0[k] = .failure(error) }
                }
            }
            var line = 1 + headerScan.line
            nonNumeric = [Int](repeating: 0, count: width)
            var chunks: [ChunkOutput] = []
            for result in results.withLock({ $0 }) {
                switch result! {
                case .failure(let fault):
                    let column = fault.field.flatMap { $0 < width ? header[$0] : nil }
                    throw InputError(file: path, line: line + fault.line, column: column, fault.message)
                case .success(let chunk):
                    lines.append(contentsOf: chunk.recordLines.map { line + $0 })
                    for j in 0..<width { nonNumeric[j] += chunk.nonNumeric[j] }
                    line += chunk.lineBreaks
                    chunks.append(chunk)
                }
            }
            // One row-major layout, so a field is one index away.
            if chunks.count == 1 {
                fields = chunks[0].fields
            } else {
                fields.reserve(lines.count * width)
                for k in chunks.indices {
                    fields.starts.append(contentsOf: chunks[k].fields.starts)
                    fields.lengths.append(contentsOf: chunks[k].fields.lengths)
                    fields.values.append(contentsOf: chunks[k].fields.values)
                    chunks[k].fields = CSVScanner.Fields()
                }
            }
        }

        /// Line feeds in `from..<to`: the records of a chunk, to size its arrays once.
        static func lineFeeds(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
            guard let p = b.baseAddress else { return 0 }
            var count = 0, i = start
            while i < end, let hit = memchr(p + i, 0x0A, end - i) {
                count += 1
                i = p.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return count
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

    /// One chunk's output.
    private struct ChunkOutput: Sendable {
        var fields: CSVScanner.Fields
        var recordLines: [Int]
        var lineBreaks: Int
        var nonNumeric: [Int]
    }
}

/// The bytes of a file; `what` names the file in the errors ("file", "spec file").
func readBytes(_ path: String, naming what: String) throws(InputError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw InputError(file: path, "cannot read the \(what) (missing or unreadable)") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
        throw InputError(file: path, "cannot read the \(what) (not a regular file)")
    }
    let size = Int(info.st_size)
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        var done = 0
        while done < size {
            let got = read(fd, buffer.baseAddress! + done, size - done)
            if got <= 0 { if got < 0 && errno == EINTR { continue }; failed = got < 0; break }
            done += got
        }
        count = done
    }
    if failed { throw InputError(file: path, "cannot read the \(what) (a read error)") }
    return bytes
}
