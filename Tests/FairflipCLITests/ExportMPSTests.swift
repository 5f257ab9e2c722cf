import FairflipData
import FairflipPlanners
import FairflipSolver
import FairflipTestSupport
import Foundation
import Testing

@Suite("export-mps")
struct ExportMPSTests {
    /// The objective in a `cbc ... solve solu FILE` solution file ("Optimal - objective value X").
    func objective(inSolution text: String) -> Double? {
        guard let first = text.split(separator: "\n").first, first.hasPrefix("Optimal") else { return nil }
        return first.split(separator: " ").last.flatMap { Double($0) }
    }

    @Test(arguments: [("tiny", 3), ("toy", 2)])
    func roundTripThroughTheCBCCommandLine(instance: String, budget: Int) throws {
        let cbc = try #require(CommandLineRunner.cbc, "the cbc command-line solver is not installed")
        let spec = instance == "tiny" ? try TinyInstance.write() : Repository.path("instances/toy.toml")
        let folder = try CommandLineRunner.temporaryFolder()
        let mps = folder + "/plan.mps"
        let run = try CommandLineRunner.run(["export-mps", spec, "--budget", "\(budget)", "-o", mps, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: mps, encoding: .utf8)
        #expect(text.contains("flip_"))
        #expect(text.contains("pred_"))
        #expect(text.contains("dtheta_0"))

        // The sidecar maps every column to what it means.
        let sidecar = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json")))
            as! [String: Any]
        let columns = sidecar["columns"] as! [[String: Any]]
        let flips = columns.filter { $0["kind"] as? String == "flip" }
        let context = try PlanningContext(instance: Instance(specPath: spec))
        #expect(flips.count == context.candidates.count)
        for (column, row) in zip(flips, context.candidates) {
            #expect(column["trainRow"] as? Int == row)
            #expect(column["name"] as? String == "flip_\(context.instance.train.lines[row])")
        }

        // Solve the file with the cbc command line and in process: same optimum.
        let solution = folder + "/solution.txt"
        let solved = try CommandLineRunner.run([mps, "solve", "solu", solution], executable: cbc)
        #expect(solved.status == 0)
        let fromFile = try #require(objective(inSolution: String(contentsOfFile: solution, encoding: .utf8)))
        let exported = try MIPPlanner().firstProblem(context, budget: budget)
        let inProcess = try CBCBackend().solve(MIPRequest(problem: exported.problem, options: SolverOptions(timeLimit: 120)))
        #expect(inProcess.status == .optimal)
        let optimum = try #require(inProcess.objective)
        #expect(abs(fromFile - optimum) < 1e-6, "cbc CLI \(fromFile) vs in-process \(optimum)")
    }

    @Test func refusesAMissingFolderAndWritesNothing() throws {
        let folder = try CommandLineRunner.temporaryFolder()
        let mps = folder + "/missing/plan.mps"
        let run = try CommandLineRunner.run(["export-mps", "instances/toy.toml", "--budget", "2", "-o", mps, "--quiet"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("fairflip: error:"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
