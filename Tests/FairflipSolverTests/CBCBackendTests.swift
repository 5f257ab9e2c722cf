@testable import FairflipSolver
import FairflipTestSupport
import Testing

@Suite("CBC backend")
struct CBCBackendTests {
    @Test func solvesAThreeVariableKnapsack() throws {
        let result = try CBCBackend().solve(MIPRequest(problem: SolverTestProblems.knapsack()))
        #expect(result.status == .optimal)
        #expect(result.values == [1, 1, 0])
        #expect(abs(result.objective! - 9) < 1e-9)
        #expect(abs(result.bound! - 9) < 1e-6)
        #expect(result.gap == 0)
        #expect(result.stoppedBy == nil)
        #expect(result.startAccepted == nil)
    }

    /// CBC's own log says it took the start (preprocessing is off when a start is given).
    @Test func cbcReportsThatItUsedTheStart() throws {
        let log = EventLog()
        let problem = SolverTestProblems.hardKnapsack(items: 40)
        var start = [Double](repeating: 0, count: problem.columnCount)
        start[0] = 1
        let result = try CBCBackend().solve(MIPRequest(problem: problem, start: start,
                                                       options: SolverOptions(timeLimit: 30)), events: log.append)
        #expect(log.lines.contains { $0.contains("MIPStart provided solution with cost") }, "\(log.lines.joined(separator: "\n"))")
        #expect(result.startAccepted == true)
        #expect(result.status == .optimal)
        #expect(result.improvedOnStart)
        // What CBC was told: serial code path, no preprocessing (the start is used as given).
        let commandLine = try #require(log.lines.first { $0.contains("command line") })
        #expect(commandLine.contains("-threads 0"))
        #expect(commandLine.contains("-preprocess off"))
    }

    @Test func reportsInfeasibilityAndABadStart() throws {
        var p = SolverTestProblems.knapsack()
        p.addRow(name: "impossible", lower: 4)  // no entries: 0 >= 4
        #expect(try CBCBackend().solve(MIPRequest(problem: p)).status == .infeasible)
        #expect(throws: MIPSolverError.badStart(expected: 3, got: 1)) {
            try CBCBackend().solve(MIPRequest(problem: SolverTestProblems.knapsack(), start: [1]))
        }
    }

    /// The time limit comes back as CBC's own flag, not guessed from the wall clock.
    @Test func aTimeLimitIsReportedFromCBCsFlag() throws {
        let problem = SolverTestProblems.marketSplit(rows: 5, columns: 40)
        let result = try CBCBackend().solve(MIPRequest(problem: problem, options: SolverOptions(timeLimit: 1, relativeGap: 0)))
        #expect(result.status == .feasible)
        #expect(result.stoppedBy == .time)
        #expect(result.gap! > 0)
    }
}

@Suite("CBC log reader")
struct CBCLogTests {
    @Test func readsRootBoundIncumbentsAndTheStartVerdict() {
        let log = CBCLog()
        #expect(log.events(in: "Cbc0013I At root node, 12 cuts changed objective from 0.0083 to 0.0194 in 10 passes")
                == [.rootBound(0.0194)])
        #expect(log.events(in: "Cbc0012I Integer solution of 0.141431 found by DiveCoefficient after 10 iterations and 0 nodes (1.2 seconds)")
                == [.incumbent(objective: 0.141431)])
        #expect(log.events(in: "Cbc0010I After 100 nodes, 12 on tree, 0.1414 best solution, best possible 0.0201 (3.10 seconds)")
                == [.bound(0.0201)])
        #expect(log.events(in: "MIPStart provided solution with cost 0.141431") == [.start(accepted: true, objective: 0.141431)])
        #expect(log.events(in: "Cbc0045I Warning: mipstart values could not be used to build a solution.")
                == [.start(accepted: false, objective: nil)])
        #expect(CBCLog(sign: -1).events(in: "Cbc0004I Integer solution of -9 found after 0 iterations and 0 nodes")
                == [.incumbent(objective: 9)])
        #expect(log.events(in: "Clp0006I 0  Obj 0 Primal inf 1.2 (3)").isEmpty)
    }
}
