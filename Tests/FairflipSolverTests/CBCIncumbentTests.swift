@testable import FairflipSolver
import FairflipTestSupport
import Testing

/// CBC's incumbents as they are found (`CBCModel+Incumbents`), and the node limit.
@Suite("CBC incumbents and node limit")
struct CBCIncumbentTests {
    /// Every reported incumbent is a feasible assignment of the problem with the objective it
    /// claims, and the last one is the solution CBC returns.
    @Test func everyIncumbentIsReportedWithItsValues() throws {
        let problem = SolverTestProblems.hardKnapsack(items: 40)
        let log = EventLog()
        let result = try CBCBackend().solve(MIPRequest(problem: problem, options: SolverOptions(timeLimit: 30)),
                                            events: log.append)
        let found = log.solutions
        try #require(!found.isEmpty)
        for s in found {
            #expect(s.values.count == problem.columnCount)
            #expect(abs(problem.objectiveValue(s.values) - s.objective) < 1e-9)
            #expect(problem.isFeasible(s.values))
            #expect(s.values.allSatisfy { $0 == 0 || $0 == 1 })
        }
        // CBC reports only improving incumbents (a minimisation here).
        #expect(zip(found, found.dropFirst()).allSatisfy { $1.objective <= $0.objective + 1e-9 })
        #expect(result.status == .optimal)
        #expect(found.last!.values == result.values)
    }

    /// A node limit stops the search by CBC's own flag, and serial CBC stopped by it gives the
    /// same answer every time (a time limit would depend on the machine's load).
    @Test func aNodeLimitStopsTheSearchReproducibly() throws {
        let problem = SolverTestProblems.marketSplit(rows: 4, columns: 30)
        let options = SolverOptions(timeLimit: 120, relativeGap: 0, nodeLimit: 50)
        let first = try CBCBackend().solve(MIPRequest(problem: problem, options: options))
        let second = try CBCBackend().solve(MIPRequest(problem: problem, options: options))
        #expect(first.stoppedBy == .nodes)
        #expect(first.status == .feasible)
        #expect(first.values == second.values)
        #expect(first.bound == second.bound)
    }
}
