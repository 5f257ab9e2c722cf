import Testing
@testable import FairflipSweep

@Suite struct BudgetListTests {
    @Test func range() throws {
        #expect(try BudgetList.parse("0:200:20") == Array(stride(from: 0, through: 200, by: 20)))
        #expect(try BudgetList.parse("0:200:20").count == 11)
        #expect(try BudgetList.parse("0:5") == [0, 1, 2, 3, 4, 5])
        #expect(try BudgetList.parse("0:9:4") == [0, 4, 8])
    }

    @Test func lists() throws {
        #expect(try BudgetList.parse("10,0,5") == [0, 5, 10])
        #expect(try BudgetList.parse("0, 1 ,2,5:15:5,5") == [0, 1, 2, 5, 10, 15])
        #expect(try BudgetList.parse("7") == [7])
    }

    @Test(arguments: ["", "a", "1,,2", "5:1", "0:10:0", "0:10:-2", "-1", "1:2:3:4", "1.5"])
    func rejects(_ text: String) {
        #expect(throws: SweepError.self) { try BudgetList.parse(text) }
    }
}
