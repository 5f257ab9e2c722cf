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
    /// outside (CBC's C API cannot be interrupted gracefully): the last incumbent it reported on
    /// the way, values included, is the result, and the result says it was cut off.
    @Test func anOverrunningWorkerIsCutOffAndKeepsItsIncumbent() throws {
        // Cut off 12 s in (30 s limit, grace -18): long enough for CBC's root and first incumbent
        // even while the rest of the suite (or a build) loads the machine, far short of its limit.
        let backend = WorkerBackend(executable: CommandLineRunner.binary, grace: -18)
        let problem = SolverTestProblems.marketSplit(rows: 5, columns: 40)
        let log = EventLog()
        let result = try backend.solve(MIPRequest(problem: problem, options: SolverOptions(timeLimit: 30, relativeGap: 0)),
                                       events: log.append)
        #expect(result.seconds < 26)
        #expect(result.stoppedBy == .deadline)
        // The root bound, if CBC got through its root before the cut-off (a loaded machine may not).
        let root = log.events.lazy.compactMap { if case let .rootBound(b) = $0 { b } else { nil } }.first
        #expect(result.rootBound == root)
        let last = try #require(log.solutions.last, "the worker reported no incumbent before the cut-off")
        #expect(result.status == .feasible)
        #expect(result.values == last.values)
        #expect(result.objective == last.objective)
        #expect(problem.isFeasible(result.values))
        #expect(abs(problem.objectiveValue(result.values) - result.objective!) < 1e-9)
    }

    /// A worker whose parent dies (killed, or interrupted before it could stop its workers) ends
    /// itself instead of solving on until its own 30 s limit.
    @Test func anOrphanedWorkerEndsItself() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("orphan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let request = dir.appendingPathComponent("request.json")
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try encoder.encode(MIPRequest(problem: SolverTestProblems.marketSplit(rows: 5, columns: 40),
                                      options: SolverOptions(timeLimit: 30, relativeGap: 0))).write(to: request)
        // The shell starts the worker in the background and exits at once: the worker is orphaned.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        // It names the shell as its parent, as WorkerBackend names itself.
        shell.arguments = ["-c", "\(SolveWorker.parentVariable)=$$ \"$0\" solve-worker < \"$1\" > /dev/null 2>&1 & echo $!",
                           CommandLineRunner.binary, request.path]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        shell.waitUntilExit()
        // The pid line only: the worker may hold an inherited copy of the pipe, so EOF can wait for it.
        let text = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        let pid = try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Alive means a process that is neither gone nor a zombie waiting to be reaped.
        func alive() -> Bool {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
            return !status.contains("State:\tZ")
        }
        let deadline = Date().addingTimeInterval(10)
        while alive() && Date() < deadline { usleep(100_000) }
        let survived = alive()
        if survived { kill(pid, SIGKILL) }
        #expect(!survived)
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
