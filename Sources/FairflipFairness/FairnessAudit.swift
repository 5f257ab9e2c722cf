/// Group rates and fairness gaps of a classifier's predictions on one set of rows.
///
/// This is what fairflip reports before and after a plan, and what every planner is
/// finally judged by. It agrees with fairlearn's `demographic_parity_difference`,
/// `equal_opportunity_difference` and `equalized_odds_difference` on the rows of the
/// two groups (see the fixture tests).
public struct FairnessAudit: Sendable, Equatable {
    /// The minority's counts and rates.
    public var minority: GroupRates
    /// The majority's counts and rates.
    public var majority: GroupRates
    /// Counts over every row, other groups included.
    public var overall: GroupRates

    /// Audits predictions against the true labels.
    ///
    /// - Parameters:
    ///   - truth: true labels (favourable = true).
    ///   - predictions: predicted labels (favourable = true).
    ///   - groups: each row's group; `.other` rows only count in `overall`.
    public init(truth: [Bool], predictions: [Bool], groups: [Group]) {
        precondition(truth.count == predictions.count && truth.count == groups.count,
                     "truth, predictions and groups must have one entry per row")
        var minority = GroupRates(), majority = GroupRates(), overall = GroupRates()
        for i in truth.indices {
            overall.add(truth: truth[i], prediction: predictions[i])
            switch groups[i] {
            case .minority: minority.add(truth: truth[i], prediction: predictions[i])
            case .majority: majority.add(truth: truth[i], prediction: predictions[i])
            case .other: break
            }
        }
        self.minority = minority
        self.majority = majority
        self.overall = overall
    }

    /// TPR gap, minority minus majority.
    public var tprGap: Double { minority.truePositiveRate - majority.truePositiveRate }
    /// FPR gap, minority minus majority.
    public var fprGap: Double { minority.falsePositiveRate - majority.falsePositiveRate }
    /// Positive-rate gap, minority minus majority.
    public var positiveRateGap: Double { minority.positiveRate - majority.positiveRate }
    /// Error rate over all rows.
    public var errorRate: Double { overall.errorRate }

    /// The value of a fairness metric (0 is perfectly fair).
    public func value(of metric: FairnessMetric) -> Double {
        switch metric {
        case .eqodds: return 0.5 * (abs(tprGap) + abs(fprGap))
        case .eqoddsMax: return max(abs(tprGap), abs(fprGap))
        case .dp: return abs(positiveRateGap)
        case .eqopp: return abs(tprGap)
        }
    }
}
