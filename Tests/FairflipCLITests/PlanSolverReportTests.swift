import FairflipTestSupport
import Foundation
import Testing

/// What `plan` reports about the MIP's solves: typed status, bounds, where the plan came from,
/// and that the solves ran in worker processes.
@Suite("plan: solver report")
struct PlanSolverReportTests {
    @Test func planJSONCarriesBoundsOriginAndTheWorkerBackend() throws {
        let run = try CommandLineRunner.run(["plan", "instances/toy.toml", "--budget", "2", "--json", "--quiet",
                                             "--time-limit", "30"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let solver = try #require(json["solver"] as? [String: Any])
        #expect(solver["backend"] as? String == "cbc-worker")
        #expect(["optimal", "stopped-with-incumbent"].contains(solver["status"] as? String ?? ""))
        #expect(solver["bound"] is Double)
        #expect(["solver", "start"].contains(solver["incumbent"] as? String ?? ""))
        if solver["startSource"] != nil { #expect(solver["startAccepted"] as? Bool == true) }
        #expect(["solver", "start", "gradient", "refinement"].contains(json["planOrigin"] as? String ?? ""))
    }

    @Test func theTextReportSaysWhereThePlanCameFrom() throws {
        let run = try CommandLineRunner.run(["plan", "instances/toy.toml", "--budget", "2", "--quiet", "--time-limit", "30"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("final plan from: "))
        #expect(run.stdout.contains("solver (first solve): "))
    }
}
