import FairflipTestSupport
import Foundation
import Testing

/// `fairflip evaluate`: plans made elsewhere, retrained and reported as `plan` reports them.
@Suite("evaluate command")
struct EvaluateCommandTests {
    static let toy = "instances/toy.toml"

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// export-mps → the cbc command-line solver → evaluate --solution gives plan's first-solve plan
    /// (no refinement, no gradient start: the plan is the first solve's, which CBC proves optimal).
    @Test func roundTripThroughTheCBCCommandLine() throws {
        let cbc = try #require(CommandLineRunner.cbc, "the cbc command-line solver (coinor-cbc) is needed")
        let scratch = Scratch(prefix: "evaluate-cbc-")
        let mps = scratch.path("toy.mps"), solution = scratch.path("toy.sol")
        let export = try CommandLineRunner.run(["export-mps", Self.toy, "--budget", "3", "-o", mps, "--quiet"])
        #expect(export.status == 0, "\(export.stderr)")
        let solve = try CommandLineRunner.run([mps, "-solve", "-solu", solution], executable: cbc)
        #expect(solve.stdout.contains("Optimal"), "\(solve.stdout)")
        let plan = try CommandLineRunner.run(["plan", Self.toy, "--budget", "3", "--rounds", "0", "--no-gradient-start",
                                              "--json", "--quiet"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let evaluated = try CommandLineRunner.run(["evaluate", Self.toy, "--solution", solution, "--sidecar", scratch.path("toy.json"),
                                                   "--json", "--quiet"])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let p = try json(plan.stdout), e = try json(evaluated.stdout)
        #expect((p["solver"] as? [String: Any])?["status"] as? String == "optimal")
        let planFlips = try #require(p["flips"] as? [String: Any]), evaluatedFlips = try #require(e["flips"] as? [String: Any])
        #expect(evaluatedFlips["csvLines"] as? [Int] == planFlips["csvLines"] as? [Int])
        #expect(evaluatedFlips["csvLines"] as? [Int] == [367, 381, 395])
        #expect(e["retrained"] as? Double == p["retrained"] as? Double)
        #expect(e["retrainedTest"] as? Double == p["retrainedTest"] as? Double)
        #expect(NSDictionary(dictionary: try #require(e["after"] as? [String: Any]))
            .isEqual(to: try #require(p["after"] as? [String: Any])))
        // Its own flips.csv reads back to the same report.
        let out = scratch.path("out")
        let written = try CommandLineRunner.run(["evaluate", Self.toy, "--solution", solution, "--sidecar", scratch.path("toy.json"),
                                                 "--out", out, "--quiet"])
        #expect(written.status == 0 && written.stdout.contains("plan: 3 flips"))
        let again = try CommandLineRunner.run(["evaluate", Self.toy, "--flips", out + "/flips.csv", "--json", "--quiet"])
        #expect(try json(again.stdout)["after"] as? NSDictionary == e["after"] as? NSDictionary)
        #expect(try String(contentsOfFile: out + "/plan.json", encoding: .utf8).contains("\"csvLines\""))
    }

    @Test(arguments: ["toy-k3.highs.sol", "toy-k3.scip.sol"])
    func readsHiGHSAndSCIPSolutions(file: String) throws {
        let scratch = Scratch(prefix: "evaluate-formats-")
        let mps = scratch.path("toy.mps")
        _ = try CommandLineRunner.run(["export-mps", Self.toy, "--budget", "3", "-o", mps, "--quiet"])
        let run = try CommandLineRunner.run(["evaluate", Self.toy, "--solution", "Tests/Fixtures/solutions/" + file,
                                             "--sidecar", scratch.path("toy.json"), "--json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try json(run.stdout)
        #expect((report["flips"] as? [String: Any])?["csvLines"] as? [Int] == [367, 381, 395])
        #expect((report["notes"] as? [String])?.first?.hasPrefix(file.contains("highs") ? "HiGHS solution" : "SCIP solution") == true)
    }

    /// A flip column that stands for several copies of one training row counts its flips: the
    /// sidecar lists the copies, a value n flips the first n of them, a value above the count is refused.
    @Test func mergedFlipColumnsFlipTheirFirstMembers() throws {
        let scratch = Scratch(prefix: "evaluate-merged-")
        let spec = try GridSpec.path(seed: 5, levels: (2, 2))
        let mps = scratch.path("grid.mps")
        let export = try CommandLineRunner.run(["export-mps", spec, "--budget", "3", "-o", mps, "--quiet"])
        #expect(export.status == 0, "\(export.stderr)")
        let sidecar = try json(String(contentsOfFile: scratch.path("grid.json"), encoding: .utf8))
        let columns = try #require(sidecar["columns"] as? [[String: Any]])
        let merged = try #require(columns.first { ($0["members"] as? [[String: Any]])?.count ?? 0 >= 2 })
        let name = try #require(merged["name"] as? String)
        let members = try #require(merged["members"] as? [[String: Any]]).compactMap { $0["csvLine"] as? Int }
        #expect(members.first == merged["csvLine"] as? Int)
        #expect(try String(contentsOfFile: mps, encoding: .utf8).contains(" UP bnd \(name) \(members.count)"))
        let two = scratch.write("two.sol", "Optimal - objective value 0.1\n      0 \(name)   2   0\n")
        let run = try CommandLineRunner.run(["evaluate", spec, "--solution", two, "--sidecar", scratch.path("grid.json"),
                                             "--json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect((try json(run.stdout)["flips"] as? [String: Any])?["csvLines"] as? [Int] == Array(members.prefix(2)).sorted())
        let over = scratch.write("over.sol", "Optimal - objective value 0.1\n      0 \(name)   \(members.count + 1)   0\n")
        let refused = try CommandLineRunner.run(["evaluate", spec, "--solution", over, "--sidecar", scratch.path("grid.json"),
                                                 "--quiet"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(over):2: ") || refused.stderr.contains("line 2"), "\(refused.stderr)")
        #expect(refused.stderr.contains("a whole number from 0 to \(members.count)"), "\(refused.stderr)")
    }

    @Test func anyCSVOfLineNumbers() throws {
        let scratch = Scratch(prefix: "evaluate-flips-")
        let bare = try CommandLineRunner.run(["evaluate", Self.toy, "--flips", scratch.write("a.csv", "395\n367\n381\n"), "--json", "--quiet"])
        let named = try CommandLineRunner.run(["evaluate", Self.toy, "--flips", scratch.write("b.csv", "line\n367\n381\n395\n"),
                                               "--json", "--quiet"])
        #expect(bare.status == 0 && named.status == 0, "\(bare.stderr) \(named.stderr)")
        #expect(try json(bare.stdout)["after"] as? NSDictionary == json(named.stdout)["after"] as? NSDictionary)
        #expect((try json(bare.stdout)["flips"] as? [String: Any])?["count"] as? Int == 3)
    }

    @Test(arguments: [
        ("flips", "367\nabc\n", "line 2: 'abc' is not a line number"),
        ("flips", "367\n367\n", "line 2: line 367 is listed twice (also on line 1)"),
        ("flips", "367\n99999\n", "line 2: line 99999 of"),
        ("flips", "2\n", "line 1: line 2 of"),  // a majority row: not a candidate
        ("flips", "a,b\n1,2\n", "line 1: no 'csv_line' column"),
        ("solution", "Optimal - objective value 0.1\n      0 flip_367   1   0\n      1 nosuch   1   0\n",
         "line 3: column nosuch is not in"),
        ("solution", "Optimal - objective value 0.1\n      0 flip_367   0.5   0\n", "line 2: flip column flip_367 has value 0.5"),
        ("solution", "Infeasible - objective value 0.1\n", "line 1: CBC found no feasible solution"),
        ("solution", "hello\n", "line 1: not a CBC, HiGHS or SCIP solution file"),
        ("solution", "Model status\nOptimal\n\n# Primal solution values\nFeasible\nObjective 1\n# Columns 3\nflip_367 1\n",
         "the file ends inside the '# Columns 3' section"),
        ("sidecar", "{\"metric\": \"eqodds\"}", "not a sidecar of 'fairflip export-mps'"),
    ])
    func badFilesExitTwoNamingFileAndLine(kind: String, content: String, message: String) throws {
        let scratch = Scratch(prefix: "evaluate-bad-")
        var arguments = ["evaluate", Self.toy, "--quiet"]
        let bad = scratch.write("bad.txt", content)
        switch kind {
        case "flips": arguments += ["--flips", bad]
        case "solution":
            _ = try CommandLineRunner.run(["export-mps", Self.toy, "--budget", "3", "-o", scratch.path("toy.mps"), "--quiet"])
            arguments += ["--solution", bad, "--sidecar", scratch.path("toy.json")]
        default:
            arguments += ["--solution", "Tests/Fixtures/solutions/toy-k3.scip.sol", "--sidecar", bad]
        }
        let run = try CommandLineRunner.run(arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("fairflip: error: \(bad)"), "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func sidecarOfAnotherInstanceIsRefused() throws {
        let scratch = Scratch(prefix: "evaluate-mismatch-")
        let spec = try TinyInstance.write()
        _ = try CommandLineRunner.run(["export-mps", Self.toy, "--budget", "3", "-o", scratch.path("toy.mps"), "--quiet"])
        let run = try CommandLineRunner.run(["evaluate", spec, "--solution", "Tests/Fixtures/solutions/toy-k3.scip.sol",
                                             "--sidecar", scratch.path("toy.json"), "--quiet"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(scratch.path("toy.json")), "\(run.stderr)")
    }

    @Test func optionsNeedOnePlan() throws {
        for arguments in [[String](), ["--solution", "x.sol"], ["--sidecar", "x.json"], ["--flips", "a.csv", "--solution", "x.sol"]] {
            let run = try CommandLineRunner.run(["evaluate", Self.toy, "--quiet"] + arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("fairflip: error:"))
        }
    }
}
