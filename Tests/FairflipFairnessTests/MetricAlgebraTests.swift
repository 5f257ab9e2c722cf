import Foundation
import FairflipFairness
import Testing

/// A seeded stream of rows (truth, prediction, group), to check identities on many predictions.
private struct Rows {
    var truth: [Bool] = [], predictions: [Bool] = [], groups: [Group] = []

    init(count: Int, seed: UInt64) {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        for _ in 0..<count {
            truth.append(next() % 3 == 0)
            predictions.append(next() % 2 == 0)
            groups.append([Group.minority, .majority, .majority, .other][Int(next() % 4)])
        }
    }

    var audit: FairnessAudit { FairnessAudit(truth: truth, predictions: predictions, groups: groups) }
}

/// The three readings of one metric definition (exact, MIP linear encoding, smoothed) agree.
@Suite struct MetricAlgebraTests {
    @Test("a gap is the weighted sum of predictions the MIP encodes", arguments: Gap.allCases)
    func rowWeightsReproduceTheGap(gap: Gap) {
        for seed in UInt64(1)...5 {
            let rows = Rows(count: 200, seed: seed)
            let counts = CellCounts(truth: rows.truth, groups: rows.groups)
            var linear = 0.0
            for j in rows.truth.indices where rows.predictions[j] {
                linear += gap.weight(group: rows.groups[j], truth: rows.truth[j], counts: counts)
            }
            #expect(abs(linear - rows.audit.gap(gap)) < 1e-12, "\(gap) seed \(seed)")
        }
    }

    @Test("a gap is a linear function of the four cell rates", arguments: Gap.allCases)
    func cellCoefficientsReproduceTheGap(gap: Gap) {
        let rows = Rows(count: 300, seed: 11)
        let counts = CellCounts(truth: rows.truth, groups: rows.groups)
        var hits = [0.0, 0.0, 0.0, 0.0]
        for j in rows.truth.indices where rows.predictions[j] {
            if let c = CellCounts.index(rows.groups[j], truth: rows.truth[j]) { hits[c] += 1 }
        }
        let rates = (0..<4).map { hits[$0] / Double(counts.counts[$0]) }
        let coefficients = gap.cellCoefficients(counts: counts)
        let value = zip(coefficients, rates).reduce(0.0) { $0 + $1.0 * $1.1 }
        #expect(abs(value - rows.audit.gap(gap)) < 1e-12)
    }

    @Test func registeredFormulasAndSummaries() {
        #expect(FairnessMetric.allCases.map(\.rawValue) == ["eqodds", "eqodds-max", "dp", "eqopp", "predictive-equality"])
        #expect(FairnessMetric.eqodds.summary == "0.5 * (|dTPR| + |dFPR|)")
        #expect(FairnessMetric.eqoddsMax.summary == "max(|dTPR|, |dFPR|)")
        #expect(FairnessMetric.dp.summary == "|dPR| (positive-prediction rate)")
        #expect(FairnessMetric.eqopp.summary == "|dTPR|")
        #expect(FairnessMetric.predictiveEquality.summary == "|dFPR| (false-positive rate)")
        #expect(FairnessMetric(rawValue: "eqodds-max") == .eqoddsMax)
        #expect(FairnessMetric(rawValue: "eqOdds") == nil)
    }

    @Test func metricsRoundTripThroughCodable() throws {
        for metric in FairnessMetric.allCases {
            let data = try JSONEncoder().encode([metric])
            #expect(String(decoding: data, as: UTF8.self) == "[\"\(metric.rawValue)\"]")
            #expect(try JSONDecoder().decode([FairnessMetric].self, from: data) == [metric])
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([FairnessMetric].self, from: Data("[\"nope\"]".utf8)) }
    }

    @Test("MIP auxiliaries: one per gap for a sum, one for a maximum; tightest values")
    func auxiliaries() {
        let g = GapValues(tpr: -0.3, fpr: 0.1, pr: 0.2)
        #expect(FairnessMetric.eqodds.formula.auxiliaries.map(\.name) == ["abs_tpr", "abs_fpr"])
        #expect(FairnessMetric.eqodds.formula.auxiliaries.map { $0.weight } == [0.5, 0.5])
        #expect(FairnessMetric.eqodds.formula.auxiliaryValues(g) == [0.3, 0.1])
        #expect(FairnessMetric.eqoddsMax.formula.auxiliaries.map(\.name) == ["max_abs_gap"])
        #expect(FairnessMetric.eqoddsMax.formula.auxiliaries.map(\.gapIndices) == [[0, 1]])
        #expect(FairnessMetric.eqoddsMax.formula.auxiliaryValues(g) == [0.3])
        #expect(FairnessMetric.dp.formula.auxiliaryValues(g) == [0.2])
        // The weighted auxiliaries add up to the metric.
        for metric in FairnessMetric.allCases {
            let f = metric.formula
            let total = zip(f.auxiliaries, f.auxiliaryValues(g)).reduce(0.0) { $0 + $1.0.weight * $1.1 }
            #expect(abs(total - f.value(g)) < 1e-15, "\(metric)")
        }
    }

    @Test("the smoothed form tends to the exact value; its gap derivatives match differences",
          arguments: FairnessMetric.allCases.map(\.formula) + [.maximum([.tpr, .fpr, .pr]), .mean([.tpr, .fpr, .pr])])
    func smoothedForm(formula: MetricFormula) {
        let g = GapValues(tpr: -0.21, fpr: 0.13, pr: 0.05)
        #expect(abs(formula.smoothedValue(g, smoothing: 1e-9).value - formula.value(g)) < 1e-8)
        let (_, gradient) = formula.smoothedValue(g, smoothing: 0.02)
        for gap in Gap.allCases {
            var plus = g, minus = g
            plus[gap] += 1e-6
            minus[gap] -= 1e-6
            let numeric = (formula.smoothedValue(plus, smoothing: 0.02).value
                - formula.smoothedValue(minus, smoothing: 0.02).value) / 2e-6
            #expect(abs(numeric - gradient[gap]) < 1e-6, "\(formula.text) d/d\(gap)")
        }
    }

    @Test func undefinedMetricsSayWhichRowsAreMissing() throws {
        // Minority rows are all unfavourable: its TPR is 0/0.
        let truth = [false, false, true, false, true]
        let groups: [Group] = [.minority, .minority, .majority, .majority, .other]
        let audit = FairnessAudit(truth: truth, predictions: [true, false, true, false, true], groups: groups)
        let undefined = UndefinedMetric(metric: .eqodds, audit: audit)
        #expect(undefined?.gap == .tpr && undefined?.group == .minority)
        #expect(undefined?.description == "eqodds is undefined: the minority has no truly favourable rows, so its TPR is 0/0")
        #expect(audit.value(of: .eqodds).isNaN)
        #expect(throws: UndefinedMetric.self) { try audit.definedValue(of: .eqopp).get() }
        #expect(UndefinedMetric(metric: .dp, audit: audit) == nil)
        let dp = try audit.definedValue(of: .dp).get()
        #expect(dp == 0.5 - 0.5)
    }
}
