import FairflipPlanners
import FairflipTestSupport
import Foundation
import Testing

@Suite("plan command")
struct PlanCommandTests {
    @Test func writesPlanFilesByteIdenticallyAndJSONMatches() throws {
        let spec = try TinyInstance.write()
        let a = try CommandLineRunner.temporaryFolder(), b = try CommandLineRunner.temporaryFolder()
        let first = try CommandLineRunner.run(["plan", spec, "--budget", "2", "--out", a, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("plan: "))
        #expect(first.stdout.contains("train after"))
        #expect(first.stdout.contains("surrogate prediction"))
        #expect(first.stderr.isEmpty, "--quiet leaves stderr empty")
        let second = try CommandLineRunner.run(["plan", spec, "--budget", "2", "--out", b, "--json"])
        #expect(second.status == 0)
        #expect(second.stderr.contains("mip: round 0"), "progress goes to stderr")
        let planA = try Data(contentsOf: URL(fileURLWithPath: a + "/plan.json"))
        let planB = try Data(contentsOf: URL(fileURLWithPath: b + "/plan.json"))
        #expect(planA == planB)
        #expect(String(decoding: planA, as: UTF8.self) == second.stdout)
        let json = try JSONSerialization.jsonObject(with: planA) as! [String: Any]
        let flips = json["flips"] as! [String: Any]
        #expect((flips["csvLines"] as! [Int]).count == flips["count"] as! Int)
        #expect(json["rounds"] != nil && json["solver"] != nil && json["before"] != nil && json["after"] != nil)
        #expect(json["timing"] == nil)
        let csv = try String(contentsOfFile: a + "/flips.csv", encoding: .utf8)
        #expect(csv.hasPrefix("csv_line,train_row,group,label,flipped_label\n"))
        #expect(csv.split(separator: "\n").count == 1 + (flips["count"] as! Int))
    }

    @Test func comparesEveryRegisteredMethod() throws {
        let spec = try TinyInstance.write()
        let run = try CommandLineRunner.run(["plan", spec, "--budget", "2", "--method", "all", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        // One row per registered method, none failed, exactly one marked best.
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        for name in PlannerRegistry.names {
            let row = try #require(rows.first { $0.first.map(String.init) == name }, "no row for \(name)")
            #expect(row.last != "failed", "\(name) failed: \(run.stdout)")
        }
        #expect(rows.filter { $0.count > 1 && $0.last == "*" }.count == 1, "\(run.stdout)")
        #expect(!run.stdout.contains(" failed: "))
    }

    /// With --method all, --time-limit bounds the whole command: the MIP gets what remains after
    /// loading, less its margin; the table and the JSON say so and give every method's time.
    @Test func comparisonKeepsTheTimeLimitForTheWholeCommand() throws {
        let spec = try TinyInstance.write()
        let run = try CommandLineRunner.run(["plan", spec, "--budget", "2", "--method", "all", "--time-limit", "8", "--json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["timeLimit"] as? Double == 8)
        let deadline = try #require(json["deadlineSeconds"] as? Double)
        #expect(deadline > 0 && deadline <= 8 - (0.05 * 8 + 1))
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.map { $0["method"] as? String } == PlannerRegistry.names)
        #expect(rows.allSatisfy { ($0["seconds"] as? Double).map { $0 >= 0 } ?? false })
        let text = try CommandLineRunner.run(["plan", spec, "--budget", "2", "--method", "all", "--time-limit", "8", "--quiet"])
        #expect(text.stdout.contains("time limit 8.0 s for the whole command: the MIP ran alongside the others with "))
        let help = try CommandLineRunner.run(["plan", "--help"])
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("With --method all it bounds the whole command"))
    }

    @Test func budgetAllUsesEveryCandidate() throws {
        let spec = try TinyInstance.write()
        let run = try CommandLineRunner.run(["plan", spec, "--budget", "all", "--rounds", "1", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("budget all"))
    }

    @Test func targetModeReachesAnEasyTarget() throws {
        let run = try CommandLineRunner.run(["plan", "instances/toy.toml", "--target", "0.05", "--time-limit", "20", "--json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let target = json["target"] as! [String: Any]
        #expect(target["reached"] as? Bool == true)
        // No --budget: the JSON does not pass the candidate count off as a budget.
        #expect(json["budget"] == nil && json["candidates"] as? Int == 51)
        #expect((json["retrained"] as! Double) <= 0.05)
    }

    /// `--accept-tau` reaches the MIP: on the toy at k = 6 the default smoothed judge keeps the
    /// gradient plan (6 flips, train 0.0044) and says so; `--accept-tau 0` returns the exact
    /// in-sample optimum (5 flips, 0.0022, README "A short tour").
    @Test func theJudgeOfRetrainedPlansIsAnOption() throws {
        func plan(_ extra: [String]) throws -> (text: String, json: [String: Any]) {
            let args = ["plan", "instances/toy.toml", "--budget", "6", "--time-limit", "20", "--quiet"] + extra
            let text = try CommandLineRunner.run(args)
            let json = try CommandLineRunner.run(args + ["--json"])
            #expect(text.status == 0 && json.status == 0, "\(text.stderr)\(json.stderr)")
            return (text.stdout, try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]))
        }
        let smoothed = try plan([]), exact = try plan(["--accept-tau", "0"])
        #expect((smoothed.json["configuration"] as? [String: Any])?["acceptanceTau"] as? Double == 0.3)
        #expect((exact.json["configuration"] as? [String: Any])?["acceptanceTau"] == nil)
        #expect(smoothed.text.contains("retrained plans judged by the smoothed training eqodds (tau 0.3"))
        #expect(!exact.text.contains("judged by the smoothed"))
        let s = try #require(smoothed.json["retrained"] as? Double), e = try #require(exact.json["retrained"] as? Double)
        #expect(abs(e - 0.0022) < 5e-5 && abs(s - 0.0044) < 5e-5, "exact \(e), smoothed \(s)")
    }
}

@Suite("plan command: bad input")
struct PlanBadInputTests {
    func expectFailure(_ arguments: [String], mentions text: String) throws {
        let run = try CommandLineRunner.run(arguments + ["--quiet"])
        #expect(run.status == 2, "exit status \(run.status) for \(arguments)")
        #expect(run.stderr.contains("fairflip: error:"), "\(run.stderr)")
        #expect(run.stderr.contains(text), "stderr: \(run.stderr)")
    }

    @Test func negativeBudget() throws {
        try expectFailure(["plan", "instances/toy.toml", "--budget=-1"], mentions: "at least 0")
    }

    @Test func budgetBeyondTheCandidates() throws {
        try expectFailure(["plan", "instances/toy.toml", "--budget", "1000"], mentions: "--budget all")
    }

    @Test func budgetThatIsNotANumber() throws {
        try expectFailure(["plan", "instances/toy.toml", "--budget", "lots"], mentions: "whole number of flips or 'all'")
    }

    @Test func neitherBudgetNorTarget() throws {
        try expectFailure(["plan", "instances/toy.toml"], mentions: "--budget")
    }

    @Test func emptyCollective() throws {
        try expectFailure(["plan", try TinyInstance.write(emptyCollective: true), "--budget", "1"], mentions: "collective is empty")
    }

    @Test func noCandidateInTheAllowedDirection() throws {
        // dp: with every minority label 1 eqodds is undefined (no minority FPR), which is refused first.
        try expectFailure(["plan", try TinyInstance.write(minorityLabel: 1), "--budget", "1", "--metric", "dp"], mentions: "direction 'up'")
    }

    @Test func negativeErrorIncrease() throws {
        try expectFailure(["plan", "instances/toy.toml", "--budget", "2", "--max-error-increase=-0.1"], mentions: "max-error-increase")
    }

    @Test func negativeValuesWithoutEqualsSignAreRefusedNamingTheFlag() throws {
        for (flag, value) in [("--budget", "-1"), ("--target", "-0.1"), ("--time-limit", "-5"), ("--rounds", "-2"),
                              ("--max-error-increase", "-0.1"), ("--planning-rows", "-3")] {
            var arguments = ["plan", "instances/toy.toml", flag, value]
            if flag != "--budget" { arguments += ["--budget", "2"] }
            try expectFailure(arguments, mentions: flag)
        }
    }

    @Test func usageErrorsExitTwoOnOneLine() throws {
        let run = try CommandLineRunner.run(["plan", "instances/toy.toml", "--budget", "2", "--no-such-option"])
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("fairflip: error:") && run.stderr.contains("--no-such-option"))
    }

    @Test func settingsTheMethodDoesNotTakeAreRefusedBeforeLoading() throws {
        let run = try CommandLineRunner.run(["plan", "instances/no-such.toml", "--budget", "2", "--method", "rb-prob",
                                             "--target", "0.1", "--time-limit", "5"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("method rb-prob does not take --target, --time-limit"), "\(run.stderr)")
        #expect(run.stderr.contains("taken by: mip"))
        let judge = try CommandLineRunner.run(["plan", "instances/toy.toml", "--budget", "2", "--method", "rb-prob", "--accept-tau", "0"])
        #expect(judge.status == 2 && judge.stderr.contains("does not take --accept-tau"), "\(judge.stderr)")
    }

    @Test func theShortlistIsGreedyRetrainsAndAtLeastOne() throws {
        // Refused for a method that does not screen, naming the one that does, before loading.
        let run = try CommandLineRunner.run(["plan", "instances/no-such.toml", "--budget", "2", "--method", "rb-prob",
                                             "--shortlist", "3"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("method rb-prob does not take --shortlist (--shortlist is taken by: greedy-retrain)"),
                "\(run.stderr)")
        for command in [["plan", "instances/no-such.toml", "--budget", "2", "--method", "greedy-retrain"],
                        ["sweep", "instances/no-such.toml"]] {
            try expectFailure(command + ["--shortlist", "0"], mentions: "--shortlist: the shortlist (candidates retrained per round) must be at least 1, got 0")
        }
    }

    @Test func unusableOutputPathsAreRefusedBeforeAnyWork() throws {
        let folder = try CommandLineRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/plain-file"
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        // The spec does not exist: a refusal that names the output proves the check came first.
        for (arguments, words) in [(["plan", "no-such.toml", "--budget", "2", "--out", file], "a file of that name exists"),
                                   (["plan", "no-such.toml", "--budget", "2", "--out", file + "/sub"], "is a file, not a folder"),
                                   (["export-mps", "no-such.toml", "--budget", "2", "-o", folder], "it is a folder; name a file"),
                                   (["export-mps", "no-such.toml", "--budget", "2", "-o", folder + "/none/x.mps"], "does not exist"),
                                   (["sweep", "no-such.toml", "--out", file], "a file of that name exists"),
                                   (["demo", "--spec", "no-such.toml", "--out", file], "a file of that name exists")] {
            try expectFailure(arguments, mentions: words)
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "x")
    }

    @Test func unknownMethod() throws {
        try expectFailure(["plan", "instances/toy.toml", "--budget", "2", "--method", "nosuch"], mentions: "unknown method")
    }

    @Test func unreachableTargetReportsTheBestAndWritesNothing() throws {
        let folder = try CommandLineRunner.temporaryFolder()
        let run = try CommandLineRunner.run(["plan", "instances/toy.toml", "--target", "0", "--budget", "1",
                                             "--rounds", "1", "--time-limit", "10", "--out", folder, "--quiet"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unreachable"))
        #expect(run.stderr.contains("best reachable"))
        #expect(run.stdout.contains("NOT reached"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func missingSpec() throws {
        try expectFailure(["plan", "instances/nosuch.toml", "--budget", "1"], mentions: "nosuch.toml")
    }
}
