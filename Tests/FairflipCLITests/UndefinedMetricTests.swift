import FairflipTestSupport
import Foundation
import Testing

/// An undefined metric (issue 11 item 2) is said the same way by every command: audit shows n/a
/// with the reason, plan refuses before planning, a sweep records it as the row's error, and
/// no JSON ever holds a NaN.
@Suite("undefined metrics in every command")
struct UndefinedMetricTests {
    static let trainReason = "eqodds is undefined on the training split: the minority has no truly favourable rows, so its TPR is 0/0"
    static let testReason = "eqodds is undefined on the test split: the minority has no truly favourable rows, so its TPR is 0/0"

    /// Every minority label 0: eqodds is undefined on both splits.
    static func allMinorityUnfavourable() throws -> String { try TinyInstance.write(minorityLabel: 0) }

    /// The tiny instance's rows for training; the same rows with every minority label 0 for testing.
    static func onlyTestUndefined(in scratch: Scratch) throws -> String {
        let train = (try TinyInstance.write() as NSString).deletingLastPathComponent + "/tiny.csv"
        let test = (try TinyInstance.write(minorityLabel: 0) as NSString).deletingLastPathComponent + "/tiny.csv"
        let text = TwoFeatureSpec.text(name: "split", file: train, testFraction: 0.25, collective: "alpha = 1.0\nseed = 1")
            .replacingOccurrences(of: "file = \"\(train)\"\ntest_fraction = 0.25\nsplit_seed = 1",
                                  with: "train = \"\(train)\"\ntest = \"\(test)\"")
        return scratch.write("split.toml", text)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func auditShowsNotApplicableWithTheReason() throws {
        let spec = try Self.allMinorityUnfavourable()
        let text = try CommandLineRunner.run(["audit", spec, "--quiet"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("n/a: \(Self.trainReason)"))
        #expect(text.stdout.contains("n/a: \(Self.testReason)"))
        let run = try CommandLineRunner.run(["audit", spec, "--json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try json(run.stdout)["undefined"] as? [String] == [Self.trainReason, Self.testReason])
    }

    @Test(arguments: [["--method", "rb-prob"], ["--method", "rb-prob", "--json"], ["--method", "all"], ["--method", "all", "--json"],
                      ["--rounds", "1"], ["--method", "rb-prob", "--out", "OUT"]])
    func planRefusesBeforePlanning(arguments: [String]) throws {
        let spec = try Self.allMinorityUnfavourable()
        let out = try CommandLineRunner.temporaryFolder() + "/plan"
        let run = try CommandLineRunner.run(["plan", spec, "--budget", "3"] + arguments.map { $0 == "OUT" ? out : $0 })
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("error: \(Self.trainReason)"), "\(run.stderr)")
        #expect(!run.stderr.contains("round 0"), "refused before planning")
        #expect(!FileManager.default.fileExists(atPath: out + "/plan.json"))
    }

    @Test func planReportsAnUndefinedTestMetricWithoutNaN() throws {
        let scratch = Scratch(prefix: "undefined-test-")
        let spec = try Self.onlyTestUndefined(in: scratch)
        let run = try CommandLineRunner.run(["plan", spec, "--budget", "2", "--method", "rb-prob", "--json", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try json(run.stdout)
        #expect(report["undefined"] as? String == Self.testReason)
        #expect(report["retrainedTest"] == nil && report["retrained"] is Double)
        let text = try CommandLineRunner.run(["plan", spec, "--budget", "2", "--method", "rb-prob", "--quiet"])
        #expect(text.stdout.contains("n/a on test: \(Self.testReason)"))
        let all = try CommandLineRunner.run(["plan", spec, "--budget", "2", "--method", "all", "--json", "--quiet"])
        #expect(all.status == 0, "\(all.stderr)")
        let rows = try #require(try json(all.stdout)["rows"] as? [[String: Any]])
        #expect(rows.contains { $0["undefined"] as? String == Self.testReason && $0["test"] == nil && $0["train"] is Double })
    }

    @Test func sweepRecordsTheReasonAsTheRowsError() throws {
        let scratch = Scratch(prefix: "undefined-sweep-")
        func sweep(_ spec: String) throws -> (run: CommandLineRunner.Output, out: String) {
            let out = scratch.path("results-\(UUID().uuidString)")
            let run = try CommandLineRunner.run(["sweep", spec, "--budgets", "0,2", "--methods", "rb-prob", "--jobs", "1",
                                                 "--out", out, "--no-report", "--quiet"])
            return (run, out)
        }
        // Undefined on the test split: each row is planned, and records the reason as its error.
        let (run, out) = try sweep(try Self.onlyTestUndefined(in: scratch))
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOfFile: out + "/results.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.contains("error: \(Self.testReason)") }, "\(csv)")
        // Undefined on the training split it is undefined for every collective draw: the sweep
        // fails fast, as on any data problem, with the same words.
        let (refused, _) = try sweep(try Self.allMinorityUnfavourable())
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("error: \(Self.trainReason)"), "\(refused.stderr)")
    }
}
