import FairflipFairness
import FairflipResults
import Testing

@Suite struct SplitFiguresTests {
    /// Minority TPR 1/2, FPR 1/2; majority TPR 1, FPR 0.
    static let audit = FairnessAudit(truth: [true, true, false, false, true, false],
                                     predictions: [true, false, true, false, true, false],
                                     groups: [.minority, .minority, .minority, .minority, .majority, .majority])

    @Test("every registered metric reads the same value as the audit, with or without its own column")
    func metricValues() {
        let figures = SplitFigures(SplitFiguresTests.audit)
        for metric in FairnessMetric.allCases {
            #expect(figures.value(of: metric) == SplitFiguresTests.audit.value(of: metric), "\(metric)")
        }
        #expect(figures.value(of: .predictiveEquality) == 0.5)
        #expect(SplitFigures().value(of: .predictiveEquality) == nil)
    }
}
