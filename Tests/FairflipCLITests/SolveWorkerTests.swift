import FairflipSolver
import FairflipTestSupport
import Foundation
import Testing

/// `fairflip solve-worker` driven by `WorkerBackend`, as the MIP planner does.
@Suite("solve-worker")
struct SolveWorkerTests {
    /// max 5a + 4b + 3c  s.t.  2a + 3b + c <= 5: optimum a = b = 1 (9).
    func knapsack() -> MIPProblem {
        var p = MIPProblem()
        p.sense = .maximize
        let cap = p.addRow(name: "capacity", upper: 5)
        p.addBinary(name: "a", objective: 5, entries: [(cap, 2)])
        p.addBinary(name: "b", objective: 4, entries: [(cap, 3)])
        p.addBinary(name: "c", objective: 3, entries: [(cap, 1)])
        return p
    }

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
