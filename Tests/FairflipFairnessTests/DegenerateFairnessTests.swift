import FairflipFairness
import Testing

@Suite struct DegenerateFairnessTests {
    /// Two groups of four rows, two positives each.
    private let truth = [true, true, false, false, true, true, false, false]
    private let groups: [Group] = [.minority, .minority, .minority, .minority, .majority, .majority, .majority, .majority]

    /// A model that predicts everyone favourable has eqodds 0 (TPR = FPR = 1 in both groups):
    /// the guard must flag it, both for the positive rates and for the error jump.
    @Test func firesOnAModelThatPredictsEveryoneFavourable() {
        let before = FairnessAudit(truth: truth, predictions: [true, true, false, false, true, false, false, false],
                                   groups: groups)
        let after = FairnessAudit(truth: truth, predictions: Array(repeating: true, count: 8), groups: groups)
        #expect(after.value(of: .eqodds) == 0)
        let guardResult = DegenerateFairness(after: after, before: before)
        #expect(guardResult.isDegenerate)
        #expect(guardResult.reasons.count == 3)
        #expect(guardResult.summary.contains("minority positive rate 100.0%"))
        #expect(guardResult.summary.contains("error up 37.5 points"))
    }

    @Test func firesOnNoOneFavourableAndOnErrorAlone() {
        #expect(DegenerateFairness(minorityPositiveRate: 0.005, majorityPositiveRate: 0.4, error: 0.2, baseError: 0.2)
            .reasons == ["minority positive rate 0.5% (nearly no one favourable)"])
        #expect(DegenerateFairness(minorityPositiveRate: 0.3, majorityPositiveRate: 0.4, error: 0.26, baseError: 0.2)
            .isDegenerate)
    }

    /// A model that is right on every row but one: rates in (0.01, 0.99), error down.
    @Test func quietOnANormalPlan() {
        let before = FairnessAudit(truth: truth, predictions: [true, false, false, false, true, true, false, true],
                                   groups: groups)
        let after = FairnessAudit(truth: truth, predictions: [true, true, false, false, true, true, false, true],
                                  groups: groups)
        #expect(!DegenerateFairness(after: after, before: before).isDegenerate)
        // Exactly 5 points more error is allowed; undefined rates are not flagged.
        #expect(!DegenerateFairness(minorityPositiveRate: nil, majorityPositiveRate: 0.5, error: 0.25, baseError: 0.2)
            .isDegenerate)
    }
}
