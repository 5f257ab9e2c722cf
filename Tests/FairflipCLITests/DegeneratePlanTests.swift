import FairflipTestSupport
import Foundation
import Testing

/// The degenerate-fairness guard in `fairflip plan`: a flag in the JSON, a warning in the text.
@Suite struct DegeneratePlanTests {
    private func degenerate(_ json: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(object?["degenerate"] as? [String: Any])
    }

    /// Flipping every toy candidate up makes the whole minority favourable: flagged on both splits.
    @Test func flagsAPlanThatMakesAGroupAllFavourable() throws {
        let spec = Repository.path("instances/toy.toml")
        let json = try CommandLineRunner.run(["plan", spec, "--method", "rb-prob", "--budget", "all", "--json", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let d = try degenerate(json.stdout)
        #expect(d["flagged"] as? Bool == true)
        let train = try #require(d["train"] as? [String])
        #expect(train.contains { $0.hasPrefix("minority positive rate 100.0%") })
        let text = try CommandLineRunner.run(["plan", spec, "--method", "rb-prob", "--budget", "all", "--quiet"])
        #expect(text.stdout.contains("warning: degenerate fairness on train"))
        #expect(text.stdout.contains("warning: degenerate fairness on test"))
    }

    @Test func quietOnAFewFlips() throws {
        let spec = Repository.path("instances/toy.toml")
        let json = try CommandLineRunner.run(["plan", spec, "--method", "rb-prob", "--budget", "2", "--json", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let d = try degenerate(json.stdout)
        #expect(d["flagged"] as? Bool == false)
        #expect((d["train"] as? [String])?.isEmpty == true && (d["test"] as? [String])?.isEmpty == true)
        let text = try CommandLineRunner.run(["plan", spec, "--method", "rb-prob", "--budget", "2", "--quiet"])
        #expect(!text.stdout.contains("degenerate"))
    }
}
