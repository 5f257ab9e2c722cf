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

    @Test func refusesATwoFileSpecAndBadVariants() throws {
        let out = try CommandLineRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let adult = try CommandLineRunner.run(["sweep", Repository.path("instances/adult.toml"), "--split-seeds", "2",
                                               "--methods", "rb-prob", "--out", out, "--quiet"])
        #expect(adult.status != 0)
        #expect(adult.stderr.contains("re-splitting needs one data file"))
        for (variant, message) in [("soft", "write NAME=key:value"), ("s=tau:0", "tau"), ("s=colour:red", "unknown key 'colour'"),
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
