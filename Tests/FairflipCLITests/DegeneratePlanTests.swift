import FairflipTestSupport
import Foundation
import Testing

/// The degenerate-fairness guard in `fairflip plan`: a flag in the JSON, a warning in the text.
@Suite struct DegeneratePlanTests {
    /// rb-prob's plan of the toy at `budget`: the JSON's `degenerate` object and the text report.
    private func plan(budget: String) throws -> (degenerate: [String: Any], text: String) {
        let spec = Repository.path("instances/toy.toml")
        let json = try CommandLineRunner.run(["plan", spec, "--method", "rb-prob", "--budget", budget, "--json", "--quiet"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let text = try CommandLineRunner.run(["plan", spec, "--method", "rb-prob", "--budget", budget, "--quiet"])
        return (try #require(object?["degenerate"] as? [String: Any]), text.stdout)
    }

    /// Flipping every toy candidate up makes the whole minority favourable: flagged on both splits.
    @Test func flagsAPlanThatMakesAGroupAllFavourable() throws {
        let (d, text) = try plan(budget: "all")
        #expect(d["flagged"] as? Bool == true)
        let train = try #require(d["train"] as? [String])
        #expect(train.contains { $0.hasPrefix("minority positive rate 100.0%") })
        #expect(text.contains("warning: degenerate fairness on train"))
        #expect(text.contains("warning: degenerate fairness on test"))
    }

    @Test func quietOnAFewFlips() throws {
        let (d, text) = try plan(budget: "2")
        #expect(d["flagged"] as? Bool == false)
        #expect((d["train"] as? [String])?.isEmpty == true && (d["test"] as? [String])?.isEmpty == true)
        #expect(!text.contains("degenerate"))
    }
}
