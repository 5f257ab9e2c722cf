import FairflipData
import Testing

@Suite("Row filters")
struct RowFilterTests {
    @Test func parses() throws {
        let f = try #require(RowFilter("days_b_screening_arrest <= 30"))
        #expect(f.column == "days_b_screening_arrest" && f.op == .lessOrEqual && f.value == "30")
        #expect(f.description == "days_b_screening_arrest <= 30")
        #expect(RowFilter("score_text != N/A")?.value == "N/A")
        #expect(RowFilter("name == two words")?.value == "two words")
    }

    @Test(arguments: ["x", "x ==", "x => 1", "x >> 1", ""])
    func rejectsMalformedText(_ text: String) {
        #expect(RowFilter(text) == nil)
    }

    @Test func numericComparisons() throws {
        let le = try #require(RowFilter("x <= 30"))
        #expect(le.accepts("30") && le.accepts("-30") && le.accepts(" 29.5 ") && !le.accepts("31"))
        let ge = try #require(RowFilter("x >= -30"))
        #expect(ge.accepts("-30") && !ge.accepts("-31"))
        #expect(try #require(RowFilter("x < 1")).accepts("0.5"))
        #expect(try #require(RowFilter("x > 1")).accepts("2"))
        #expect(try #require(RowFilter("x == 1")).accepts("1.0"))
        #expect(try #require(RowFilter("x != -1")).accepts("0") && !(try #require(RowFilter("x != -1")).accepts("-1.0")))
    }

    @Test func textComparisonsAndMissingValues() throws {
        let ne = try #require(RowFilter("c_charge_degree != O"))
        #expect(ne.accepts("F") && !ne.accepts("O") && !ne.accepts(" O "))
        #expect(try #require(RowFilter("c == F")).accepts("F"))
        let le = try #require(RowFilter("x <= 30"))
        #expect(!le.accepts("") && !le.accepts("?") && !le.accepts("abc"))
    }
}
