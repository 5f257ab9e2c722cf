import FairflipTestSupport
import Foundation
import Testing

/// `--node-limit`: a solver limit that does not depend on the machine's load, so that runs
/// reproduce (issue 9).
@Suite("plan: node limit")
struct NodeLimitTests {
    /// Two runs stopped by the node limit, with a time limit that does not bind, print the same
    /// plan JSON byte for byte (it carries no timings), and say what stopped the search.
    @Test func aNodeLimitedPlanIsTheSameBytesTwice() throws {
        let arguments = ["plan", "instances/toy.toml", "--budget", "5", "--method", "mip", "--node-limit", "5",
                         "--time-limit", "300", "--json", "--quiet"]
        let first = try CommandLineRunner.run(arguments)
        let second = try CommandLineRunner.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let solver = try #require(json["solver"] as? [String: Any])
        #expect(solver["stoppedBy"] as? String == "nodes")
        let configuration = try #require(json["configuration"] as? [String: Any])
        #expect(configuration["nodeLimit"] as? Int == 5)
        #expect(!(json["notes"] as? [String] ?? []).contains { $0.hasPrefix("time limit") })
    }

    @Test func aNodeLimitBelowOneIsRefusedBeforeWork() throws {
        let run = try CommandLineRunner.run(["plan", "instances/toy.toml", "--budget", "5", "--node-limit", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--node-limit"))
    }

    @Test func aSweepRefusesANodeLimitBelowOne() throws {
        let run = try CommandLineRunner.run(["sweep", "instances/toy.toml", "--budgets", "1", "--methods", "mip",
                                             "--mip-node-limit", "0", "--out", NSTemporaryDirectory() + "/node-limit-\(UUID().uuidString)"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--mip-node-limit"))
    }
}
