import ArgumentParser
import FairflipPlanners
import FairflipReports
import FairflipResults
import FairflipSweep
import FairflipTestSupport
import Foundation
import Testing
@testable import FairflipCLI

@Suite struct SweepCommandTests {
    @Test func commandsAreListed() {
        let names = Fairflip.configuration.subcommands.map { $0.configuration.commandName }
        #expect(names.contains("sweep") && names.contains("report") && names.contains("demo"))
    }

    @Test func sweepOptionsParse() throws {
        let command = try Fairflip.parseAsRoot([
            "sweep", "instances/compas.toml", "--budgets", "0:200:20", "--methods", "all", "--seeds", "5",
            "--alphas", "0.1,0.2,0.3", "--out", "results/compas", "--shard", "1/4", "--jobs", "3", "--quiet",
        ])
        let sweep = try #require(command as? SweepCommand)
        #expect(sweep.budgets == Array(stride(from: 0, through: 200, by: 20)) && sweep.seeds == 5 && sweep.alphas == [0.1, 0.2, 0.3])
        #expect(sweep.shard == Shard(index: 1, count: 4) && sweep.jobs == 3 && sweep.quiet && sweep.out == "results/compas")
        #expect(sweep.methods.map(\.name) == PlannerRegistry.names)
    }

    @Test func badSweepValuesAreRefusedBeforeAnyWorkNamingTheFlag() throws {
        for (arguments, flag) in [(["--budgets", "-2:4:2"], "--budgets"), (["--seeds", "0"], "--seeds"), (["--jobs", "-1"], "--jobs"),
                                  (["--alphas", "1.5"], "--alphas"), (["--mip-time-limit", "-1"], "--mip-time-limit"),
                                  (["--mip-rounds", "-1"], "--mip-rounds"), (["--metric", "nope"], "--metric"),
                                  (["--methods", "mip,nope"], "--methods"), (["--shard", "4/4"], "--shard")] {
            let run = try CommandLineRunner.run(["sweep", "instances/no-such.toml", "--quiet"] + arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.hasPrefix("fairflip: error:") && run.stderr.contains(flag), "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        }
    }

    @Test func reportRebuildsFromACSV() throws {
        let folder = NSTemporaryDirectory() + "fairflip-report-command-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var record = SweepRecord(instance: "toy", alpha: 0.5, seed: 0, method: "m", budget: 0, metric: "eqodds")
        record.test.eqodds = 0.1
        record.test.error = 0.2
        var after = record
        after.budget = 4
        after.test.eqodds = 0.05
        try (ResultsTable.headerLine + ResultsTable.line(record) + ResultsTable.line(after))
            .write(toFile: folder + "/results.csv", atomically: true, encoding: .utf8)
        var command = try Fairflip.parseAsRoot(["report", folder, "--quiet"])
        try command.run()
        let md = try String(contentsOfFile: folder + "/report.md", encoding: .utf8)
        // One method and one seed: nothing to compare, so nothing is starred.
        #expect(md.contains("| 4 | m | 0.0500 |"))
        #expect(md.contains("k = 4: only m ran"))
        #expect(FileManager.default.fileExists(atPath: folder + "/report.html"))
    }
}
