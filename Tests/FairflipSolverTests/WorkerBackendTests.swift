import FairflipSolver
import Foundation
import FairflipTestSupport
import Testing

/// The parent side of the worker protocol against workers that misbehave (shell scripts standing
/// in for a crashing or hanging CBC). The real worker is tested with the built `fairflip` in the
/// CLI tests.
@Suite("Worker backend")
struct WorkerBackendTests {
    func shell(_ script: String, grace: Double = 0.5) -> WorkerBackend {
        WorkerBackend(executable: "/bin/sh", arguments: ["-c", script], grace: grace)
    }

    @Test func aCrashingWorkerIsAnErrorNotACrash() throws {
        let request = MIPRequest(problem: SolverTestProblems.knapsack())
        do {
            _ = try shell("cat >/dev/null; kill -9 $$").solve(request)
            Issue.record("a killed worker must not give a result")
        } catch let error as MIPSolverError {
            guard case let .workerFailed(reason, _) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("signal 9"))
        }
    }

    @Test func aHangingWorkerIsCutOffAtTheDeadline() throws {
        let request = MIPRequest(problem: SolverTestProblems.knapsack(), options: SolverOptions(timeLimit: 0.5))
        let started = Date()
        let result = try shell("cat >/dev/null; exec sleep 60").solve(request)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == .noSolution)
        #expect(result.stoppedBy == .deadline)
        #expect(!result.hasSolution)
    }

    @Test func boundsReportedBeforeTheCutOffAreKept() throws {
        let event = String(decoding: try JSONEncoder().encode(["event": ["_0": ["bound": ["_0": 2.5]]]]), as: UTF8.self)
        let request = MIPRequest(problem: SolverTestProblems.knapsack(), options: SolverOptions(timeLimit: 0.5))
        let result = try shell("cat >/dev/null; echo '\(event)'; exec sleep 60").solve(request)
        #expect(result.stoppedBy == .deadline)
        #expect(result.bound == 2.5)
    }

    /// A worker cut off at the hard deadline after it reported an incumbent: its values, objective
    /// and bound come back as the result, which says it was cut off.
    @Test func theLastIncumbentSurvivesTheCutOff() throws {
        let problem = SolverTestProblems.knapsack()
        func line(_ event: MIPEvent) throws -> String {
            String(decoding: try JSONEncoder().encode(["event": ["_0": event]]), as: UTF8.self)
        }
        let lines = [try line(.solution(objective: 8, values: [0, 1, 1])), try line(.bound(9)),
                     try line(.solution(objective: 9, values: [1, 1, 0]))]
        let script = "cat >/dev/null; " + lines.map { "echo '\($0)'; " }.joined() + "exec sleep 60"
        let request = MIPRequest(problem: problem, start: [0, 0, 1], options: SolverOptions(timeLimit: 0.5))
        let result = try shell(script).solve(request)
        #expect(result.stoppedBy == .deadline)
        #expect(result.status == .feasible)
        #expect(result.values == [1, 1, 0])
        #expect(result.objective == 9)
        #expect(result.bound == 9)
        #expect(result.improvedOnStart)
    }

    @Test func garbageOnTheChannelIsAProtocolViolation() {
        let request = MIPRequest(problem: SolverTestProblems.knapsack())
        #expect(throws: MIPSolverError.self) { try shell("cat >/dev/null; echo hello").solve(request) }
        #expect(throws: MIPSolverError.self) {
            try WorkerBackend(executable: "/nonexistent/fairflip").solve(request)
        }
    }
}
