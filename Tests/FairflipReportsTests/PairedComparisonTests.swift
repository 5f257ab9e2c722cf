import Testing
@testable import FairflipReports

@Suite struct StudentTTests {
    /// Quantiles from printed t tables (e.g. scipy.stats.t.ppf(0.975, df)).
    @Test func quantilesMatchTables() {
        let cases: [(Double, Double)] = [(1, 12.706205), (4, 2.776445), (9, 2.262157), (24, 2.063899), (1000, 1.962339)]
        for (df, q) in cases {
            #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: df) - q) < 1e-5, "df \(df)")
        }
        #expect(abs(StudentT.quantile(0.025, degreesOfFreedom: 9) + 2.262157) < 1e-5)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 3) == 0)
    }

    @Test func cdfIsSymmetric() {
        for t in [0.3, 1.0, 2.5] {
            #expect(abs(StudentT.cdf(t, degreesOfFreedom: 5) + StudentT.cdf(-t, degreesOfFreedom: 5) - 1) < 1e-12)
        }
        // Cauchy (df 1): P(T <= 1) = 3/4.
        #expect(abs(StudentT.cdf(1, degreesOfFreedom: 1) - 0.75) < 1e-12)
    }
}

@Suite struct PairedComparisonTests {
    /// d = a - b = (-0.02, -0.01, -0.03, -0.01, -0.01): mean -0.016, sd sqrt(80e-6) = 0.0089443,
    /// standard error 0.004, t(0.975, 4) = 2.776445, so the CI is -0.016 ± 0.0111058.
    @Test func handComputedCase() throws {
        let c = try #require(PairedComparison([0.10, 0.12, 0.08, 0.11, 0.09], [0.12, 0.13, 0.11, 0.12, 0.10]))
        #expect(c.count == 5)
        #expect(abs(c.meanDifference + 0.016) < 1e-12)
        #expect(abs(c.sdDifference - 0.0089443) < 1e-6)
        let ci = try #require(c.interval)
        #expect(abs(ci.lowerBound + 0.0271058) < 1e-6)
        #expect(abs(ci.upperBound + 0.0048942) < 1e-6)
        #expect(c.wins == 5 && c.losses == 0)
        #expect(c.verdict == .better)
        // Swapping the sides swaps the verdict.
        #expect(PairedComparison([0.12, 0.13, 0.11, 0.12, 0.10], [0.10, 0.12, 0.08, 0.11, 0.09])?.verdict == .worse)
    }

    @Test func tiedWhenTheIntervalContainsZero() throws {
        let c = try #require(PairedComparison([1, 0, 3, 0], [0, 1, 1, 2]))
        #expect(c.meanDifference == 0)
        #expect(c.verdict == .tied)
        #expect(c.wins == 2 && c.losses == 2)
        // One pair: no interval, never a claim.
        #expect(PairedComparison([0], [1])?.interval == nil)
        #expect(PairedComparison([0], [1])?.verdict == .tied)
        #expect(PairedComparison([], []) == nil)
    }

    @Test func pairsOnSharedKeys() throws {
        let c = try #require(PairedComparison.paired([1: 0.1, 2: 0.2, 3: 0.3], [2: 0.25, 3: 0.2, 4: 9]))
        #expect(c.count == 2)
        #expect(abs(c.meanDifference - 0.025) < 1e-12)
    }
}
