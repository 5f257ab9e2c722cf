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

    /// One gap, minority minus majority (NaN when either group has none of the rows it counts).
    public func gap(_ gap: Gap) -> Double { gap.rate(in: minority) - gap.rate(in: majority) }
    /// Every gap.
    public var gaps: GapValues { GapValues { gap($0) } }
    /// TPR gap, minority minus majority.
    public var tprGap: Double { gap(.tpr) }
    /// FPR gap, minority minus majority.
    public var fprGap: Double { gap(.fpr) }
    /// Positive-rate gap, minority minus majority.
    public var positiveRateGap: Double { gap(.pr) }
    /// Error rate over all rows.
    public var errorRate: Double { overall.errorRate }

    /// The value of a fairness metric (0 is perfectly fair; NaN when undefined).
    public func value(of metric: FairnessMetric) -> Double { metric.formula.value(gaps) }
}
