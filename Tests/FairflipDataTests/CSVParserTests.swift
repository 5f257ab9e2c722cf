@testable import FairflipData
import FairflipTestSupport
import Foundation
import Testing

/// The byte-level, multi-threaded CSV parser: duplicate names, bytes that are not UTF-8, typed
/// numbers that agree with `Double(String)`, and chunked parses that equal the sequential one.
@Suite("CSV parser")
struct CSVParserTests {
    /// Every field's text and number, and the lines, of a table.
    struct Snapshot: Equatable {
        var header: [String]
        var lines: [Int]
        var cells: [[String]]
        var numbers: [[Double?]]

        init(_ t: CSVTable) {
            header = t.header
            lines = t.lines
            cells = t.rows.map(Array.init)
            numbers = (0..<t.rowCount).map { r in (0..<t.header.count).map { t.number(r, $0) } }
        }

        static func == (a: Snapshot, b: Snapshot) -> Bool {
            a.header == b.header && a.lines == b.lines && a.cells == b.cells
                && zip(a.numbers, b.numbers).allSatisfy { zip($0, $1).allSatisfy { same($0, $1) } }
                && a.numbers.count == b.numbers.count
        }
    }

    /// The same double, bit for bit (NaN equals NaN), or both nil.
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): x.bitPattern == y.bitPattern
        default: false
        }
    }

    /// The table, or the error, of parsing `text` with `threads` threads in chunks of `chunk` bytes.
    static func outcome(_ text: String, threads: Int, chunk: Int) -> Result<Snapshot, InputError> {
        do throws(InputError) {
            return .success(Snapshot(try CSVTable(text: text, path: "t.csv", threads: threads, minimumChunk: chunk)))
        } catch {
            return .failure(error)
        }
    }

    @Test func aRepeatedHeaderNameIsRefusedWhenUsedNamingBothColumns() throws {
        let t = try CSVTable(text: "x1,x2,x1\n1,2,1\n4,5,7\n", path: "t.csv")
        #expect(try t.columnIndex("x2", role: "a feature") == 1)
        expectInputError(file: "t.csv", line: 1, column: "x1",
                         containing: ["2 columns 'x1'", "columns 1 and 3", "differ (line 3)", "ambiguous"]) {
            _ = try t.columnIndex("x1", role: "a feature")
        }
        // Names are trimmed before they are compared.
        let u = try CSVTable(text: "\na,b, b \n1,2,3\n", path: "t.csv")
        expectInputError(file: "t.csv", line: 2, column: "b", containing: ["columns 2 and 3", "the label"]) {
            _ = try u.columnIndex("b", role: "the label")
        }
        // A close match is offered once, not once per repeat.
        let close = inputError { _ = try t.columnIndex("X1", role: "a feature") }
        #expect(close?.message.contains("'x1' or 'x1'") == false)
        // Identical repeats (COMPAS's two priors_count columns) are not ambiguous: the first is used.
        let same = try CSVTable(text: "a,b,a\n1,2,1\n3,4, 3\n", path: "t.csv")
        #expect(try same.columnIndex("a", role: "a feature") == 0)
    }

    @Test func aSpecUsingARepeatedColumnIsRefused() throws {
        let s = Scratch()
        let csv = sampleCSV().with("x,c,group,label", "x,c,group,x")
        expectInputError(file: s.path("data.csv"), line: 1, column: "x", containing: ["columns 1 and 4"]) {
            try load(s, csv: csv)
        }
    }

    @Test func bytesThatAreNotUTF8AreLocated() throws {
        let s = Scratch()
        let path = s.path("latin1.csv")
        // "a,b\n1,2\n3,xé\n" with é in Latin-1 (0xE9).
        try Data([0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0x32, 0x0A, 0x33, 0x2C, 0x78, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
        expectInputError(file: path, line: 3, column: "b", containing: ["not UTF-8", "0xE9", "character 2"]) {
            _ = try CSVTable(contentsOf: path)
        }
        // Inside a quoted field's second line: the line of the byte, not of the record.
        try Data(Array("a,b\n1,\"x\nyy".utf8) + [0xFF] + Array("\"\n".utf8)).write(to: URL(fileURLWithPath: path))
        expectInputError(file: path, line: 3, column: "b", containing: ["0xFF", "character 3"]) {
            _ = try CSVTable(contentsOf: path)
        }
        // In the header: no column name yet.
        try Data([0x61, 0xC3, 0x28, 0x0A, 0x31, 0x0A]).write(to: URL(fileURLWithPath: path))
        expectInputError(file: path, line: 1, column: nil, containing: ["0xC3", "character 2"]) {
            _ = try CSVTable(contentsOf: path)
        }
        // Valid multi-byte text is kept as is.
        let t = try CSVTable(text: "名前,b\nÉlodie,😀\n", path: "t.csv")
        #expect(t.header == ["名前", "b"])
        #expect(t.cell(0, 1) == "😀")
    }

    @Test func aSpecFileThatIsNotUTF8IsLocated() throws {
        let s = Scratch()
        let path = s.path("spec.toml")
        try Data(Array("name = \"x\"\n\n# caf".utf8) + [0xE9] + [0x0A]).write(to: URL(fileURLWithPath: path))
        expectInputError(file: path, line: 3, column: nil, containing: ["spec file is not UTF-8", "0xE9", "character 6"]) {
            _ = try InstanceSpec(contentsOf: path)
        }
    }

    @Test func numbersAgreeWithDoubleParsingBitForBit() throws {
        var rng = SeededGenerator(seed: 42)
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(rng.index(below: 10))) }) }
        var texts = ["0", "-0", "+0.5", ".5", "5.", "-.5e3", "1e400", "-1e-400", "inf", "-Infinity", "nan", "0x1p3",
                     "1_0", "1e", "1e+", "--1", "+", ".", "", " 7 ", "\t-3.25\t", "00012.5000", "9007199254740993",
                     "123456789012345678901234567890", "0.1234567890123456789", "1.7976931348623157e308", "4.9e-324",
                     "2.2250738585072014e-308", "1E22", "1e23", "abc", "12abc", "1.2.3"]
        for _ in 0..<3000 {
            var t = ["", "-", "+"][rng.index(below: 3)] + digits(rng.index(below: 21))
            if rng.index(below: 2) == 0 { t += "." + digits(rng.index(below: 21)) }
            if rng.index(below: 3) == 0 { t += ["e", "E"][rng.index(below: 2)] + ["", "-", "+"][rng.index(below: 3)] + digits(rng.index(below: 4)) }
            texts.append(t)
        }
        let table = try CSVTable(text: "v\n" + texts.map { "\"\($0)\"" }.joined(separator: "\n") + "\n", path: "t.csv")
        let plain = try CSVTable(text: "v\n" + texts.filter { !$0.isEmpty }.joined(separator: "\n") + "\n", path: "t.csv")
        for (r, text) in texts.enumerated() {
            let expected = Double(text.trimmingCharacters(in: .whitespaces))
            #expect(Self.same(table.number(r, 0), expected), "'\(text)': \(String(describing: table.number(r, 0))) vs \(String(describing: expected))")
        }
        for (r, text) in texts.filter({ !$0.isEmpty }).enumerated() {
            #expect(Self.same(plain.number(r, 0), Double(text.trimmingCharacters(in: .whitespaces))), "'\(text)' unquoted")
        }
        #expect(!table.isNumeric(0))
        #expect(try CSVTable(text: "a,b\n1,x\n2.5,y\n", path: "t.csv").isNumeric(0))
    }

    @Test func chunkedParsesEqualTheSequentialOne() throws {
        var rng = SeededGenerator(seed: 3)
        var lines = ["id,text,value,note"]
        for i in 0..<400 {
            let text = ["plain", "\"with, comma\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"", "", "\"\""][rng.index(below: 6)]
            let value = rng.index(below: 5) == 0 ? "n/a" : String(format: "%.4f", rng.gaussian())
            lines.append("\(i),\(text),\(value),\(["x", "\"q\"", " y "][rng.index(below: 3)])")
            if rng.index(below: 20) == 0 { lines.append("") }
        }
        let text = lines.joined(separator: rng.index(below: 2) == 0 ? "\n" : "\r\n") + "\n"
        let sequential = try #require(try? Self.outcome(text, threads: 1, chunk: 1 << 20).get())
        #expect(sequential.cells.count == 400)
        for (threads, chunk) in [(2, 50), (3, 7), (4, 1000)] {
            #expect(try Self.outcome(text, threads: threads, chunk: chunk).get() == sequential)
        }
    }

    /// Seeded fuzzing: valid CSV text with random bytes inserted, deleted or replaced (quotes,
    /// commas, line breaks, invalid UTF-8). No input crashes; each is read, or refused with an
    /// error naming the file and a line; chunked parses give the same table or the same error.
    @Test func fuzzedTextIsReadOrRefusedWithALocatedError() {
        var rng = SeededGenerator(seed: 2026)
        let base = Array(sampleCSV(extra: ["\"quoted, field\",a,min,1", "\"multi\nline\",b,maj,0"]).utf8)
        let alphabet: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x20, 0x31, 0x2E, 0x65, 0xE9, 0xFF, 0xC3, 0x80, 0x00]
        var refused = 0
        for _ in 0..<600 {
            let bytes = Self.mutated(base, edits: 1 + rng.index(below: 4), alphabet: alphabet, rng: &rng)
            let text = String(decoding: bytes, as: UTF8.self)  // the in-memory path sees repaired text
            let sequential = Self.outcome(text, threads: 1, chunk: 1 << 20)
            #expect(Self.outcome(text, threads: 3, chunk: 16) == sequential)
            if case .failure(let error) = sequential {
                refused += 1
                #expect(error.file == "t.csv")
                #expect(error.line != nil || error.message.contains("empty"), "unlocated: \(error)")
            }
            // The file path reads the raw bytes, invalid UTF-8 included.
            let s = Scratch()
            let path = s.path("f.csv")
            try? Data(bytes).write(to: URL(fileURLWithPath: path))
            do throws(InputError) {
                _ = try CSVTable(contentsOf: path, threads: 2)
            } catch {
                #expect(error.file == path && error.line != nil, "unlocated: \(error)")
            }
        }
        #expect(refused > 50, "the fuzzer should produce malformed files")
    }

    @Test func aTableHeaderThatTheTOMLParserWouldAssertOnIsRefused() {
        // toml++ asserts (debug) or assumes (release) that a header name starts with a key character.
        expectInputError(file: "s.toml", line: 13, column: nil, containing: ["table header must start with a name", "[{sensitive]"]) {
            _ = try InstanceSpec(toml: sampleSpec.with("[sensitive]", "[{sensitive]"), path: "s.toml")
        }
    }

    /// `bytes` with `edits` seeded edits, each an insertion, a deletion or a replacement by a byte
    /// of `alphabet`: the fuzzers' one mutation.
    static func mutated(_ bytes: [UInt8], edits: Int, alphabet: [UInt8], rng: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<edits {
            let at = rng.index(below: bytes.count)
            switch rng.index(below: 3) {
            case 0: bytes.insert(alphabet[rng.index(below: alphabet.count)], at: at)
            case 1: bytes.remove(at: at)
            default: bytes[at] = alphabet[rng.index(below: alphabet.count)]
            }
        }
        return bytes
    }

    /// Seeded fuzzing of the spec parser: no crash, and every refusal names the file and a line or key.
    @Test func fuzzedSpecsAreReadOrRefusedWithALocatedError() {
        var rng = SeededGenerator(seed: 11)
        let base = Array(sampleSpec.utf8)
        let alphabet = Array("=[]\"'\n #.,0123abc{}".utf8)
        for _ in 0..<400 {
            let bytes = Self.mutated(base, edits: 1 + rng.index(below: 3), alphabet: alphabet, rng: &rng)
            do throws(InputError) {
                _ = try InstanceSpec(toml: String(decoding: bytes, as: UTF8.self), path: "s.toml")
            } catch {
                #expect(error.file == "s.toml")
                #expect(error.line != nil || error.column != nil, "unlocated: \(error)")
            }
        }
    }
}
