import FairflipResults
import Testing

@Suite struct ResultsTableTests {
    @Test func csvCellsRoundTrip() throws {
        var r = SweepRecord(instance: "x", alpha: 0.1, seed: 3, method: "m", budget: 20, metric: "eqodds",
                            status: "error: a, \"b\"", notes: "n1 | n2, with comma")
        r.test.eqodds = 0.1 + 0.2
        r.train.error = nil
        r.solverStatus = "stopped-with-incumbent"
        r.solverGap = 0.75
        r.solverBound = 0.02
        r.solverRootBound = 0.0125
        r.planOrigin = "refinement"
        let text = ResultsTable.headerLine + ResultsTable.line(r)
        let back = try ResultsTable.parse(text, path: "mem")
        #expect(back == [r])
        #expect(!text.contains("nan") && !text.contains("NaN"))
    }
}
