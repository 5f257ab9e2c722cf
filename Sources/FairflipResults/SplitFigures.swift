import FairflipFairness

/// The numbers a results row keeps about one split (train or test) of a retrained model:
/// every gap, every metric, the error and the per-group rates the report's bar charts need.
///
/// Kept flat (no nesting) because it becomes columns of `results.csv`.
public struct SplitFigures: Sendable, Equatable {
    // Gaps are minority minus majority; rates are per group; nil when undefined (an empty group).
    public var tprGap: Double?
    public var fprGap: Double?
    public var positiveRateGap: Double?
    public var eqodds: Double?
    public var eqoddsMax: Double?
    public var dp: Double?
    public var eqopp: Double?
    public var error: Double?
    public var minorityTPR: Double?
    public var majorityTPR: Double?
    public var minorityFPR: Double?
    public var majorityFPR: Double?
    public var minorityPositiveRate: Double?
    public var majorityPositiveRate: Double?

    /// Everything undefined.
    public init() {}

    /// The figures of an audit (undefined rates become `nil`).
    public init(_ audit: FairnessAudit) {
        tprGap = finite(audit.tprGap)
        fprGap = finite(audit.fprGap)
        positiveRateGap = finite(audit.positiveRateGap)
        eqodds = finite(audit.value(of: .eqodds))
        eqoddsMax = finite(audit.value(of: .eqoddsMax))
        dp = finite(audit.value(of: .dp))
        eqopp = finite(audit.value(of: .eqopp))
        error = finite(audit.errorRate)
        minorityTPR = finite(audit.minority.truePositiveRate)
        majorityTPR = finite(audit.majority.truePositiveRate)
        minorityFPR = finite(audit.minority.falsePositiveRate)
        majorityFPR = finite(audit.majority.falsePositiveRate)
        minorityPositiveRate = finite(audit.minority.positiveRate)
        majorityPositiveRate = finite(audit.majority.positiveRate)
    }

    /// The value of a fairness metric: its column when it has one, else its formula on the gaps.
    public func value(of metric: FairnessMetric) -> Double? {
        if let column = SplitFigures.metricColumns[metric.rawValue] { return self[keyPath: column] }
        guard let tpr = tprGap, let fpr = fprGap, let pr = positiveRateGap else { return nil }
        return finite(metric.formula.value(GapValues(tpr: tpr, fpr: fpr, pr: pr)))
    }

    /// The metrics that have their own column, by name.
    private static var metricColumns: [String: KeyPath<SplitFigures, Double?>] { [
        FairnessMetric.eqodds.rawValue: \.eqodds, FairnessMetric.eqoddsMax.rawValue: \.eqoddsMax,
        FairnessMetric.dp.rawValue: \.dp, FairnessMetric.eqopp.rawValue: \.eqopp,
    ] }

    /// Column suffixes, in file order, with their accessors.
    static var columns: [(name: String, path: WritableKeyPath<SplitFigures, Double?>)] { [
        ("tpr_gap", \.tprGap), ("fpr_gap", \.fprGap), ("pr_gap", \.positiveRateGap),
        ("eqodds", \.eqodds), ("eqodds_max", \.eqoddsMax), ("dp", \.dp), ("eqopp", \.eqopp), ("error", \.error),
        ("minority_tpr", \.minorityTPR), ("majority_tpr", \.majorityTPR),
        ("minority_fpr", \.minorityFPR), ("majority_fpr", \.majorityFPR),
        ("minority_pr", \.minorityPositiveRate), ("majority_pr", \.majorityPositiveRate),
    ] }
}

private func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
