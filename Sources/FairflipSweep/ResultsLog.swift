import FairflipConcurrency
import FairflipResults
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The results file of a running sweep: rows are appended one by one as cells finish (each
/// with its own write, so an interrupted sweep keeps every finished row), and an existing file
/// is resumed: its rows are kept and their cells skipped, a torn last line is cut off.
///
/// When the sweep completes, `finish` rewrites the file atomically in grid order, so the
/// final file does not depend on `--jobs` or on completion order.
final class ResultsLog: Sendable {
    let path: String
    /// The open file and the rows it holds, changed together by one worker at a time.
    private let file: Locked<(handle: FileHandle, records: [SweepRecord])>

    /// The rows of the file (resumed and appended).
    var records: [SweepRecord] { file.withLock { $0.records } }

    /// Opens (creating or resuming) the results file.
    init(path: String) throws {
        self.path = path
        let fm = FileManager.default
        var kept: [SweepRecord] = []
        if let data = fm.contents(atPath: path), !data.isEmpty {
            let cut = (data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
            let complete = data.prefix(cut)
            let text = String(decoding: complete, as: UTF8.self)
            if !text.isEmpty {
                let headerLine = String(text.prefix { $0 != "\n" }) + "\n"
                guard headerLine == ResultsTable.headerLine else {
                    throw SweepError("\(path): exists with other columns than this version writes; choose another output folder")
                }
                do { kept = try ResultsTable.parse(text, path: path) } catch {
                    throw SweepError("\(path): cannot resume: \(error)")
                }
            }
            // Drop the torn tail (or a torn header) before appending.
            if cut < data.count {
                guard truncate(path, off_t(cut)) == 0 else { throw SweepError("\(path): cannot cut the torn last line") }
            }
        }
        if fm.contents(atPath: path)?.isEmpty ?? true {
            guard fm.createFile(atPath: path, contents: Data(ResultsTable.headerLine.utf8)) else {
                throw SweepError("\(path): cannot create the results file")
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else { throw SweepError("\(path): cannot open for appending") }
        h.seekToEndOfFile()
        file = Locked((h, kept))
    }

    deinit { file.withLock { try? $0.handle.close() } }

    /// Appends one row and hands it to the OS at once (unbuffered write).
    func append(_ record: SweepRecord) throws {
        try file.withLock { f in
            try f.handle.write(contentsOf: Data(ResultsTable.line(record).utf8))
            f.records.append(record)
        }
    }

    /// Rewrites the file atomically with rows in grid order (`order` gives a key's cell index).
    /// Rows of other grids (an earlier sweep into the same folder) come first, in the order
    /// they were in, so adding a method later appends its rows after the earlier ones.
    func finish(order: [SweepRecord.Key: Int]) throws {
        let records = self.records
        let sorted = records.enumerated().sorted { a, b in
            let (x, y) = (order[a.element.key] ?? -1, order[b.element.key] ?? -1)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        var text = ResultsTable.headerLine
        for r in sorted { text += ResultsTable.line(r) }
        try AtomicFile.write(text, to: path)
    }
}
