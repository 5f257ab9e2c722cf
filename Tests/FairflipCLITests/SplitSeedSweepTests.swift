import FairflipResults
import FairflipTestSupport
import Foundation
import Testing

/// `sweep --split-seeds` and `--mip-variant`, through the binary.
@Suite struct SplitSeedSweepTests {
    @Test func eachSeedReSplitsTrainAndTest() throws {
        let out = try CommandLineRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try CommandLineRunner.run(["sweep", Repository.path("instances/toy.toml"), "--split-seeds", "3",
                                             "--methods", "rb-prob", "--budgets", "0,4", "--out", out, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try ResultsTable.read(path: out + "/results.csv")
        #expect(records.count == 6)
        #expect(records.allSatisfy { $0.splitSeed == $0.seed })
        // The base model differs between splits: its training rows differ.
        let baseTrainErrors = Set(records.filter { $0.budget == 0 }.compactMap(\.train.error))
        #expect(baseTrainErrors.count == 3)
        let md = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(md.contains("3 split seed(s)"))
        #expect(md.contains("− no flips [95% CI]"))
    }

    @Test func reSplitsATwoFileSpecFromBothFilesPooled() throws {
        let folder = Scratch(prefix: "fairflip-cli-tests-")
        let spec = try TwoFileToy.write(into: folder)
        let run = try CommandLineRunner.run(["sweep", spec, "--split-seeds", "2", "--methods", "rb-prob", "--budgets", "0",
                                             "--out", folder.path("out"), "--quiet", "--no-report"])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try ResultsTable.read(path: folder.path("out/results.csv"))
        #expect(records.count == 2 && records.allSatisfy { $0.isOK && $0.splitSeed == $0.seed })
        #expect(Set(records.map { "\($0.train) \($0.test)" }).count == 2, "each seed trains and tests on other rows")
    }

    @Test func refusesBadVariants() throws {
        let out = try CommandLineRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        for (variant, message) in [("soft", "write NAME=key:value"), ("s=tau:0", "tau"), ("s=colour:red", "unknown key 'colour'"),
                                   ("s=accept-tau:-1", "accept-tau: the acceptance temperature (0: the exact metric) must be a number at least 0"),
                                   ("s=planning-rows:0", "planning-rows: the planning rows must be at least 1"),
                                   ("mip=tau:0.3", "name 'mip' is taken")] {
            let bad = try CommandLineRunner.run(["sweep", Repository.path("instances/toy.toml"), "--methods", "rb-prob",
                                                 "--mip-variant", variant, "--out", out, "--quiet"])
            #expect(bad.status == 2, "\(variant)")
            #expect(bad.stderr.contains(message), "\(variant): \(bad.stderr)")
        }
        let both = try CommandLineRunner.run(["sweep", Repository.path("instances/toy.toml"), "--seeds", "2", "--split-seeds", "2",
                                              "--out", out, "--quiet"])
        #expect(both.status == 2)
    }

    @Test func aVariantRunsAsItsOwnMethod() throws {
        let out = try CommandLineRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try CommandLineRunner.run(["sweep", Repository.path("instances/toy.toml"), "--methods", "rb-prob",
                                             "--mip-variant", "soft1=formulation:soft,tau:1,rounds:0", "--budgets", "0,3",
                                             "--mip-time-limit", "5", "--out", out, "--quiet", "--no-report"])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try ResultsTable.read(path: out + "/results.csv")
        #expect(Set(records.map(\.method)) == ["rb-prob", "soft1"])
        #expect(records.allSatisfy { $0.isOK })
    }
}
