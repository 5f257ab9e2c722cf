import FairflipReports
import FairflipResults
import Testing

/// The report's paired sections on hand-made records: two methods over five split seeds.
@Suite struct PairedReportTests {
    /// Records of `method` at budget 4 with the given test eqodds per seed, plus the base model.
    private func records(_ method: String, _ values: [Double], degenerate: Int? = nil) -> [SweepRecord] {
        values.enumerated().flatMap { seed, v -> [SweepRecord] in
            var base = SweepRecord(instance: "x", alpha: 1, seed: seed, splitSeed: seed, method: method, budget: 0,
                                   metric: "eqodds")
            base.test.eqodds = 0.2 + 0.01 * Double(seed)
            base.train.eqodds = 0.2
            var r = base
            r.budget = 4
            r.test.eqodds = v
            r.train.eqodds = v - 0.01
            if seed == degenerate { r.degenerate = "test: error up 6.0 points (30.0% -> 36.0%)" }
            return [base, r]
        }
    }

    @Test func claimsBestOnlyWhereTheIntervalExcludesZero() throws {
        // mip is lower than rb-prob on every seed by 0.02 ± 0.005: significantly better.
        let all = records("mip", [0.10, 0.11, 0.12, 0.13, 0.14])
            + records("rb-prob", [0.125, 0.125, 0.145, 0.145, 0.165])
        let s = SweepSummary(instance: "x", records: all)
        #expect(s.bestClaim(alpha: 1, budget: 4) == .best("mip"))
        #expect(s.paired(alpha: 1, method: "rb-prob", against: "mip", budget: 4)?.verdict == .worse)
        #expect(s.splitsVary)
        let md = SweepReport(records: all, sources: ["results.csv"]).markdown()
        #expect(md.contains("k = 4: **mip** is best"))
        #expect(md.contains("## Paired summary (every instance)"))
        #expect(md.contains("significantly better than the best rb-* in 1"))
        #expect(md.contains("5 split seed(s)"))
    }

    @Test func saysTiedWithinNoiseOtherwise() throws {
        // Differences +0.03, -0.03, +0.01, -0.02, +0.02: the interval contains 0.
        let all = records("mip", [0.13, 0.08, 0.13, 0.11, 0.16]) + records("gradient", [0.10, 0.11, 0.12, 0.13, 0.14], degenerate: 2)
        let s = SweepSummary(instance: "x", records: all)
        #expect(s.bestClaim(alpha: 1, budget: 4) == .tied(["gradient", "mip"]))
        let md = SweepReport(records: all, sources: ["results.csv"]).markdown()
        #expect(md.contains("k = 4: tied within noise: gradient, mip"))
        #expect(md.contains("tied within noise"))
        #expect(!md.contains("★ |") && !md.contains("| ★"))
        // The degenerate seed is marked in the overview and listed with its reason.
        #expect(md.contains("⚠"))
        #expect(md.contains("| 4 | gradient | 1/5 | test: error up 6.0 points"))
        // Both methods beat no flips on every seed.
        #expect(s.pairedWithBase(alpha: 1, method: "gradient", budget: 4)?.wins == 5)
    }
}
