@testable import FairflipData
import FairflipTestSupport
import Foundation
import Testing

/// The parser's output buffers: typed columns written by several chunks at once, the bound that
/// places each chunk's rows, the rows moved together when a chunk finds fewer records than its
/// bound, fields located by their ends, and a file read in several pieces.
@Suite("CSV columns")
struct CSVColumnsTests {
    /// Every field's text and number (nil when it is not one) of a table, row by row.
    static func contents(_ t: CSVTable) -> [[String]] { t.rows.map(Array.init) }

    @Test func typedColumnsHoldEveryNumberAndNaNElsewhere() throws {
        let t = try CSVTable(text: "a,b,c\n1,x,-0\n2.5,\"3\",+4e1\n,7,nan\n", path: "t.csv")
        #expect(t.numbers(0).map(\.bitPattern).dropLast() == [1.0, 2.5].map(\.bitPattern))
        #expect(t.numbers(0)[2].isNaN && t.number(2, 0) == nil)
        #expect(t.numbers(1)[0].isNaN && t.numbers(1)[1] == 3 && t.numbers(1)[2] == 7)
        #expect(t.numbers(2)[0].bitPattern == (-0.0).bitPattern && t.numbers(2)[1] == 40 && t.numbers(2)[2].isNaN)
        #expect(t.number(2, 2)?.isNaN == true)  // the text "nan" is a number, NaN
        #expect(!t.isNumeric(0) && !t.isNumeric(1) && t.isNumeric(2))
    }

    @Test func fieldsAreLocatedByTheirEnds() throws {
        let u = try CSVTable(text: "a,b,c\n,\"\",\"x,\"\"y\"\"\"\n\"\"\"\",z,\nlast,\"a\nb\",  \n", path: "t.csv")
        #expect(Self.contents(u) == [["", "", "x,\"y\""], ["\"", "z", ""], ["last", "a\nb", "  "]])
        #expect(u.lines == [2, 3, 4])
    }

    @Test func theRecordBoundIsExactForPlainTextAndAnUpperBoundOtherwise() {
        func bound(_ s: String) -> Int {
            let b = Array(s.utf8)
            return b.withUnsafeBufferPointer { CSVTable.recordBound($0.baseAddress!, from: 0, to: b.count) }
        }
        #expect(bound("1,2\n3,4\n") == 2)
        #expect(bound("1,2\n3,4") == 2)
        #expect(bound("1,2\r\n3,4\r\n") == 2)
        #expect(bound("1,2\r3,4\r") == 2)  // lone CRs end records too
        #expect(bound("1\r\n2\r3\n4") == 4)
        #expect(bound("1\n\n2\n") == 3)  // a blank line: fewer records (2) than the bound
        #expect(bound("\"a\nb\",1\n") == 2)  // a break inside quotes: 1 record
        #expect(bound("") == 0)
        // Over seeded texts the bound is never below the records the parser finds.
        var rng = SeededGenerator(seed: 8)
        let pieces = ["1", "x", ",", "\n", "\r", "\r\n", "\"q\"", "\"a\nb\"", ""]
        for _ in 0..<300 {
            let body = (0..<rng.index(below: 30)).map { _ in pieces[rng.index(below: pieces.count)] }.joined()
            guard let t = try? CSVTable(text: "h\n" + body, path: "t.csv") else { continue }
            let b = Array(body.utf8)
            let bound = b.isEmpty ? 0 : b.withUnsafeBufferPointer { CSVTable.recordBound($0.baseAddress!, from: 0, to: b.count) }
            #expect(t.rowCount <= bound, "\(body.debugDescription)")
        }
    }

    @Test func chunksWithFewerRecordsThanTheirBoundAreMovedTogether() throws {
        // Blank lines, CR LF, lone CRs and multi-line quoted fields in every chunk: each chunk's
        // rows are moved down next to the previous chunk's, and the lines stay right.
        var rng = SeededGenerator(seed: 5)
        var text = "id,v,w\n"
        var expected: [[String]] = []
        for i in 0..<300 {
            let v = ["1.5", "-2", "\"q\nr\"", "x", ""][rng.index(below: 5)]
            text += "\(i),\(v),\(i * 3)" + ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"][rng.index(below: 5)]
            expected.append([String(i), v.replacingOccurrences(of: "\"", with: ""), String(i * 3)])
        }
        let sequential = try CSVTable(text: text, path: "t.csv", threads: 1, minimumChunk: 1 << 20)
        #expect(Self.contents(sequential) == expected)
        for (threads, chunk) in [(2, 64), (3, 5), (4, 333)] {
            let t = try CSVTable(text: text, path: "t.csv", threads: threads, minimumChunk: chunk)
            #expect(Self.contents(t) == expected)
            #expect(t.lines == sequential.lines)
            for j in 0..<3 {
                #expect(t.numbers(j).map(\.bitPattern) == sequential.numbers(j).map(\.bitPattern))
                #expect(t.isNumeric(j) == sequential.isNumeric(j))
            }
        }
    }

    @Test func aFileReadInPiecesEqualsTheText() throws {
        let s = Scratch()
        let path = s.path("pieces.csv")
        var rng = SeededGenerator(seed: 12)
        let text = "a,b\n" + (0..<500).map { "\(rng.gaussian()),\"t\($0)\"\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let whole = try CSVTable(text: text, path: path)
        for (threads, piece) in [(1, 1), (2, 100), (3, 7), (7, 1)] {
            let t = try CSVTable(contentsOf: path, threads: threads, minimumPiece: piece, minimumChunk: 50)
            #expect(Self.contents(t) == Self.contents(whole))
            #expect(t.numbers(0).map(\.bitPattern) == whole.numbers(0).map(\.bitPattern))
        }
        // An empty file is read (and refused as empty), in any number of pieces.
        try Data().write(to: URL(fileURLWithPath: path))
        expectInputError(file: path, line: nil, column: nil, containing: ["the file is empty"]) {
            _ = try CSVTable(contentsOf: path, threads: 4, minimumPiece: 1, minimumChunk: 1)
        }
    }

    @Test func textCodesMatchTheTrimmedCells() throws {
        // Quoted and unquoted, padded, doubled quotes, Unicode space, empty: one code per trimmed text.
        let t = try CSVTable(text: "g,v\nmin,1\n\"min\",2\n min ,3\n\"a\"\"b\",4\n\" a\"\"b\",5\n,6\n\u{00A0}min,7\nmaj,8\n",
                             path: "t.csv")
        for j in 0..<2 {
            let codes = t.textCodes(j)
            #expect(codes.codes.count == t.rowCount)
            #expect((0..<t.rowCount).map { codes[$0] } == (0..<t.rowCount).map { t.cell($0, j).trimmingCharacters(in: .whitespaces) })
            #expect(Set(codes.texts).count == codes.texts.count, "distinct texts")
        }
        #expect(t.textCodes(0).texts == ["min", "a\"b", "", "maj"])
        #expect(t.textCodes(0).codes == [0, 0, 0, 1, 1, 2, 0, 3])
    }
}
