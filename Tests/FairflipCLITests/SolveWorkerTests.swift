import FairflipSolver
import FairflipTestSupport
import Foundation
import Testing

/// `fairflip solve-worker` driven by `WorkerBackend`, as the MIP planner does.
@Suite("solve-worker")
struct SolveWorkerTests {
    func knapsack() -> MIPProblem { SolverTestProblems.knapsack() }

    @Test func solvesInAWorkerProcessAndStreamsCBCsLog() throws {
        let backend = WorkerBackend(executable: CommandLineRunner.binary)
        let lines = Lines()
        let result = try backend.solve(MIPRequest(problem: knapsack(), start: [0, 0, 1])) { event in
            if case let .log(line) = event { lines.append(line) }
        }
        #expect(result.status == .optimal)
        #expect(result.values == [1, 1, 0])
        #expect(result.objective == 9)
        #expect(result.startAccepted == true)
        #expect(lines.all.contains { $0.contains("MIPStart provided solution with cost") })
    }

    @Test func workersRunConcurrently() throws {
        let backend = WorkerBackend(executable: CommandLineRunner.binary)
        let problem = knapsack()
        let results = Lines()
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            let r = try? backend.solve(MIPRequest(problem: problem))
            results.append(r.map { "\($0.status.rawValue) \($0.objective ?? .nan)" } ?? "failed")
        }
        #expect(results.all == Array(repeating: "optimal 9.0", count: 3))
    }

    /// Cut off before CBC's own limit (the grace is negative here), the worker is ended from
    /// outside: no solution comes back (CBC's C API cannot be interrupted gracefully), but the
    /// incumbents it found were reported on the way.
    @Test func anOverrunningWorkerIsCutOff() throws {
        let backend = WorkerBackend(executable: CommandLineRunner.binary, grace: -28)
        let problem = SolverTestProblems.marketSplit(rows: 5, columns: 40)
        let log = EventLog()
        let result = try backend.solve(MIPRequest(problem: problem, options: SolverOptions(timeLimit: 30, relativeGap: 0)),
                                       events: log.append)
        #expect(result.seconds < 15)
        #expect(result.stoppedBy == .deadline)
        #expect(result.status == .noSolution)
        #expect(result.rootBound != nil)
        #expect(log.events.contains { if case .incumbent = $0 { true } else { false } })
    }

    @Test func aRequestThatIsNotJSONIsRefused() throws {
        let run = try CommandLineRunner.run(["solve-worker"])  // standard input is empty
        #expect(run.status == 2)
        #expect(run.stdout.contains("failure"))
    }
}

/// Lines collected from any thread.
private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ s: String) { lock.lock(); lines.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
