import FairflipData
import FairflipTestSupport
import Foundation
import Testing

@Suite("CSV reader")
struct CSVTableTests {
    func table(_ text: String) throws -> CSVTable { try CSVTable(text: text, path: "t.csv") }

    @Test func readsHeaderRowsAndLines() throws {
        let t = try table("a,b\n1,2\n3,4\n")
        #expect(t.header == ["a", "b"])
        #expect(t.rows.map(Array.init) == [["1", "2"], ["3", "4"]])
        #expect(t.lines == [2, 3])
        #expect(t.headerLine == 1)
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let t = try table("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,\"\"\n")
        #expect(t.rows.map(Array.init) == [["x,y", "say \"hi\""], ["two\nlines", "z"], ["last", ""]])
        #expect(t.lines == [2, 3, 5])
    }

    @Test func crlfBlankLinesNoFinalNewlineAndByteOrderMark() throws {
        let t = try table("\u{FEFF}a,b\r\n1,2\r\n\r\n3,4")
        #expect(t.header == ["a", "b"])
        #expect(t.rows.map(Array.init) == [["1", "2"], ["3", "4"]])
        #expect(t.lines == [2, 4])
    }

    @Test func headerNamesAreTrimmed() throws {
        #expect(try table(" a , b\n1,2\n").header == ["a", "b"])
    }

    @Test func headerOnly() throws {
        let t = try table("a,b\n")
        #expect(t.rows.isEmpty)
    }

    @Test func emptyText() {
        expectInputError(file: "t.csv", line: nil, column: nil, containing: ["the file is empty"]) { _ = try table("\n\n") }
    }

    @Test func raggedRows() {
        expectInputError(file: "t.csv", line: 3, column: "c", containing: ["2 fields where the header has 3"]) {
            _ = try table("a,b,c\n1,2,3\n1,2\n")
        }
        expectInputError(file: "t.csv", line: 2, column: "c", containing: ["4 fields where the header has 3"]) {
            _ = try table("a,b,c\n1,2,3,4\n")
        }
    }

    @Test func raggedRowAfterAMultilineFieldNamesItsFirstLine() {
        expectInputError(file: "t.csv", line: 4, column: "b", containing: ["ragged row"]) {
            _ = try table("a,b\n\"x\ny\",1\n2\n")
        }
    }

    @Test func malformedQuoting() {
        expectInputError(file: "t.csv", line: 3, column: "b", containing: ["never closed"]) {
            _ = try table("a,b\n1,2\n3,\"4\n5,6\n")
        }
        expectInputError(file: "t.csv", line: 2, column: "a", containing: ["quote inside an unquoted field"]) {
            _ = try table("a,b\n1\"2,3\n")
        }
        expectInputError(file: "t.csv", line: 2, column: "b", containing: ["after the closing quote"]) {
            _ = try table("a,b\n1,\"2\"3\n")
        }
        expectInputError(file: "t.csv", line: 1, column: nil, containing: ["quote inside an unquoted field"]) {
            _ = try table("a\"x,b\n1,2\n")
        }
    }

    @Test func columnIndex() throws {
        let t = try table("age,Sex,race\n1,2,3\n")
        #expect(try t.columnIndex("race", role: "r") == 2)
        expectInputError(file: "t.csv", line: 1, column: "sex", containing: ["did you mean 'Sex'"]) {
            _ = try t.columnIndex("sex", role: "the sensitive attribute")
        }
        expectInputError(file: "t.csv", line: 1, column: "income", containing: ["the columns are: age, Sex, race"]) {
            _ = try t.columnIndex("income", role: "the label")
        }
    }

    @Test func missingFile() {
        expectInputError(file: "/no/such.csv", line: nil, column: nil, containing: ["cannot read"]) {
            _ = try CSVTable(contentsOf: "/no/such.csv")
        }
    }

    @Test func notUTF8() throws {
        let s = Scratch()
        let path = s.path("latin1.csv")
        try Data([0x61, 0x0A, 0xE9, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        expectInputError(file: path, line: 2, column: "a", containing: ["not UTF-8", "0xE9", "character 1"]) {
            _ = try CSVTable(contentsOf: path)
        }
    }
}
