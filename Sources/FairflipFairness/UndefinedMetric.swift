/// Why a fairness metric has no value on some rows: a gap it reads counts rows (the truly
/// favourable ones, say) of which one group has none, so that group's rate is 0/0.
///
/// Every command says it in these words: `audit` shows n/a with it, `plan` refuses with it
/// before planning, a sweep records it as the row's error; a NaN never reaches JSON.
public struct UndefinedMetric: Error, Sendable, Equatable, CustomStringConvertible {
    /// The metric without a value.
    public let metric: FairnessMetric
    /// The first gap it reads that is undefined.
    public let gap: Gap
    /// The group without any of the rows the gap counts.
    public let group: Group

    /// Why `metric` is undefined on rows with these cell counts, or `nil` when it is defined.
    public init?(metric: FairnessMetric, counts: CellCounts) {
        for gap in metric.gaps {
            for group in [Group.minority, .majority] where counts.count(group, truth: gap.countedTruth) == 0 {
                self.metric = metric
                self.gap = gap
                self.group = group
                return
            }
        }
        return nil
    }

    /// Why `metric` is undefined on an audit's rows, or `nil` when it is defined.
    public init?(metric: FairnessMetric, audit: FairnessAudit) {
        self.init(metric: metric, counts: CellCounts(minority: audit.minority, majority: audit.majority))
    }

    /// For example "eqodds is undefined: the minority has no truly favourable rows, so its TPR is 0/0".
    public var description: String {
        "\(metric.rawValue) is undefined: the \(group.rawValue) has no \(gap.countedRows), so its \(gap.rawValue.uppercased()) is 0/0"
    }
}

extension FairnessAudit {
    /// The metric's value, or why it has none.
    public func definedValue(of metric: FairnessMetric) -> Result<Double, UndefinedMetric> {
        if let undefined = UndefinedMetric(metric: metric, audit: self) { return .failure(undefined) }
        return .success(value(of: metric))
    }
}
