import FairflipData
import FairflipFairness
import FairflipLearning
import FairflipTestSupport
import Testing

/// One bundled instance, its fixture and fairflip's audits of train and test (of the shared
/// `ReferenceCase` fit, made once per run).
struct AuditCase: Sendable {
    let fixture: ReferenceFixture
    let train: FairnessAudit
    let test: FairnessAudit
    /// Rows whose prediction was taken from scikit-learn (borderline rows where the two disagree).
    let overridden: Int

    static let names = ReferenceCase.names

    static func named(_ name: String) throws -> AuditCase {
        let reference = try ReferenceCase.named(name)
        let (fixture, instance, model) = (reference.fixture, reference.instance, reference.model)
        var overridden = 0
        func audit(_ split: DataSplit, _ expected: ReferenceFixture.Split) -> FairnessAudit {
            var predictions = model.predictions(split.features)
            // A model that agrees to 1e-6 may still put a row scored within 1e-5 of zero on the
            // other side; compare metrics on the same predictions by taking scikit-learn's there.
            for row in expected.borderlineRows where predictions[row.row] != row.prediction {
                predictions[row.row] = row.prediction
                overridden += 1
            }
            return FairnessAudit(truth: split.truth, predictions: predictions, groups: split.groups)
        }
        let train = audit(instance.train, fixture.train)
        let test = audit(instance.test, fixture.test)
        return AuditCase(fixture: fixture, train: train, test: test, overridden: overridden)
    }
}

private func counts(_ r: GroupRates) -> ReferenceFixture.Confusion {
    ReferenceFixture.Confusion(
        count: r.count, positives: r.positives, predictedPositive: r.predictedPositive,
        truePositives: r.truePositives, falsePositives: r.falsePositives, errors: r.errors)
}

/// `a` equals fairlearn's `b` to 1e-12, NaN matching fairlearn's NaN (`nil`).
private func agrees(_ a: Double, _ b: Double?) -> Bool {
    guard let b else { return a.isNaN }
    return abs(a - b) <= 1e-12
}

@Suite("Agreement with fairlearn")
struct FairlearnAgreementTests {
    @Test("fairflip's predictions have scikit-learn's confusion counts", arguments: AuditCase.names)
    func confusionCounts(name: String) throws {
        let c = try AuditCase.named(name)
        for (audit, expected) in [(c.train, c.fixture.train), (c.test, c.fixture.test)] {
            #expect(counts(audit.minority) == expected.fairlearn.confusion.minority)
            #expect(counts(audit.majority) == expected.fairlearn.confusion.majority)
            #expect(counts(audit.overall) == expected.fairlearn.confusion.overall)
        }
        // fairflip's own predictions agree with scikit-learn's on every row: no borderline row had
        // to be taken from scikit-learn.
        #expect(c.overridden == 0, "\(c.overridden) borderline predictions disagree with scikit-learn's")
    }

    @Test("every fairlearn number agrees to 1e-12", arguments: AuditCase.names)
    func metrics(name: String) throws {
        let c = try AuditCase.named(name)
        for (label, audit, expected) in [("train", c.train, c.fixture.train), ("test", c.test, c.fixture.test)] {
            let f = expected.fairlearn
            #expect(agrees(audit.value(of: .dp), f.demographicParityDifference), "\(name) \(label) dp")
            #expect(agrees(audit.value(of: .eqoddsMax), f.equalizedOddsDifference), "\(name) \(label) eqodds-max")
            #expect(agrees(audit.value(of: .eqodds), f.equalizedOddsDifferenceMean), "\(name) \(label) eqodds")
            #expect(agrees(audit.value(of: .eqodds), f.eqoddsMeanFromFrame), "\(name) \(label) eqodds (frame)")
            #expect(agrees(audit.value(of: .eqopp), f.equalOpportunityDifference), "\(name) \(label) eqopp")
            #expect(agrees(audit.value(of: .predictiveEquality), f.fprGap.map(abs)), "\(name) \(label) predictive-equality")
            #expect(agrees(audit.tprGap, f.tprGap), "\(name) \(label) TPR gap")
            #expect(agrees(audit.fprGap, f.fprGap), "\(name) \(label) FPR gap")
            #expect(agrees(audit.positiveRateGap, f.positiveRateGap), "\(name) \(label) PR gap")
            for (rates, g) in [(audit.minority, f.byGroup.minority), (audit.majority, f.byGroup.majority)] {
                #expect(agrees(rates.positiveRate, g.selectionRate), "\(name) \(label) selection rate")
                #expect(agrees(rates.truePositiveRate, g.truePositiveRate), "\(name) \(label) TPR")
                #expect(agrees(rates.falsePositiveRate, g.falsePositiveRate), "\(name) \(label) FPR")
            }
            #expect(agrees(audit.errorRate, f.errorRate), "\(name) \(label) error rate")
        }
    }
}

@Suite("Group rates and fairness audits, by hand")
struct FairnessAuditHandTests {
    @Test func groupRatesCountAndDivide() {
        var r = GroupRates()
        // (truth, prediction): TP, TP, FN, FP, TN, TN
        for (t, p) in [(true, true), (true, true), (true, false), (false, true), (false, false), (false, false)] {
            r.add(truth: t, prediction: p)
        }
        #expect(r.count == 6 && r.positives == 3 && r.negatives == 3)
        #expect(r.predictedPositive == 3 && r.truePositives == 2 && r.falsePositives == 1 && r.errors == 2)
        #expect(r.positiveRate == 0.5)
        #expect(r.truePositiveRate == 2.0 / 3.0)
        #expect(r.falsePositiveRate == 1.0 / 3.0)
        #expect(r.errorRate == 2.0 / 6.0)
    }

    @Test func emptyDenominatorsAreNaN() {
        let empty = GroupRates()
        #expect(empty.positiveRate.isNaN && empty.truePositiveRate.isNaN)
        #expect(empty.falsePositiveRate.isNaN && empty.errorRate.isNaN)
        var onlyPositives = GroupRates()
        onlyPositives.add(truth: true, prediction: true)
        onlyPositives.add(truth: true, prediction: false)
        #expect(onlyPositives.truePositiveRate == 0.5)
        #expect(onlyPositives.falsePositiveRate.isNaN)
        var onlyNegatives = GroupRates()
        onlyNegatives.add(truth: false, prediction: true)
        #expect(onlyNegatives.truePositiveRate.isNaN)
        #expect(onlyNegatives.falsePositiveRate == 1)
        #expect(onlyNegatives.positiveRate == 1)
    }

    /// Minority: 4 positives (1 predicted), 4 negatives (1 predicted): TPR 1/4, FPR 1/4, PR 1/4.
    /// Majority: 2 positives (2 predicted), 2 negatives (0 predicted): TPR 1, FPR 0, PR 1/2.
    /// One `.other` row, counted only overall.
    @Test func eqoddsConventionsOnAHandExample() {
        var truth: [Bool] = [], predictions: [Bool] = [], groups: [Group] = []
        func add(_ t: Bool, _ p: Bool, _ g: Group, times: Int = 1) {
            for _ in 0..<times { truth.append(t); predictions.append(p); groups.append(g) }
        }
        add(true, true, .minority)
        add(true, false, .minority, times: 3)
        add(false, true, .minority)
        add(false, false, .minority, times: 3)
        add(true, true, .majority, times: 2)
        add(false, false, .majority, times: 2)
        add(false, true, .other)
        let audit = FairnessAudit(truth: truth, predictions: predictions, groups: groups)
        #expect(audit.tprGap == 0.25 - 1)
        #expect(audit.fprGap == 0.25 - 0)
        #expect(audit.positiveRateGap == 0.25 - 0.5)
        #expect(audit.value(of: .eqodds) == 0.5 * (0.75 + 0.25))  // Ben-Dov et al.: the mean
        #expect(audit.value(of: .eqoddsMax) == 0.75)  // fairlearn's default: the worst case
        #expect(audit.value(of: .eqopp) == 0.75)
        #expect(audit.value(of: .dp) == 0.25)
        #expect(audit.value(of: .predictiveEquality) == 0.25)
        #expect(audit.overall.count == 13)
        #expect(audit.errorRate == 5.0 / 13.0)  // 3 minority misses, 1 minority FP, the other row's FP
        #expect(audit.minority.count + audit.majority.count == 12)
    }
}
