import FairflipSolver
import Testing

@Suite("MPS writer")
struct MPSWriterTests {
    @Test func writesSectionsNamesAndBounds() throws {
        var p = MIPProblem()
        let cap = p.addRow(name: "capacity", upper: 5)
        let link = p.addRow(name: "link", lower: -1, upper: 2)
        p.addBinary(name: "a", objective: -5, entries: [(cap, 2), (link, 1)])
        p.addColumn(name: "free", objective: 0.25, lower: -.infinity, upper: .infinity, entries: [(link, -1)])
        let text = MPSWriter.text(p)
        for needle in ["ROWS", " L capacity", "COLUMNS", "'INTORG'", "'INTEND'", "RHS", "RANGES", " BV bnd a", " FR bnd free", "ENDATA"] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        #expect(text.contains("    a capacity 2\n"))
        #expect(text.contains("    rng link 3\n"))
    }
}
