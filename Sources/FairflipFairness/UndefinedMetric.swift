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
    /// Which rows, in words ("the training split"), when known.
    public let rows: String?

    /// Why `metric` is undefined on rows with these cell counts (named `rows`), or `nil` when it is defined.
    public init?(metric: FairnessMetric, counts: CellCounts, rows: String? = nil) {
        for gap in metric.gaps {
            for group in [Group.minority, .majority] where counts.count(group, truth: gap.countedTruth) == 0 {
                self.metric = metric
                self.gap = gap
                self.group = group
                self.rows = rows
                return
            }
        }
        return nil
    }

    /// Why `metric` is undefined on an audit's rows (named `rows`), or `nil` when it is defined.
    public init?(metric: FairnessMetric, audit: FairnessAudit, rows: String? = nil) {
        self.init(metric: metric, counts: CellCounts(minority: audit.minority, majority: audit.majority), rows: rows)
    }

    /// Why `metric` is undefined on rows with these true labels and groups (named `rows`), or `nil`.
    public init?(metric: FairnessMetric, truth: [Bool], groups: [Group], rows: String? = nil) {
        self.init(metric: metric, counts: CellCounts(truth: truth, groups: groups), rows: rows)
    }

    /// For example "eqodds is undefined on the training split: the minority has no truly
    /// favourable rows, so its TPR is 0/0".
    public var description: String {
        "\(metric.rawValue) is undefined\(rows.map { " on \($0)" } ?? ""): the \(group.rawValue) has no "
            + "\(gap.countedRows), so its \(gap.rawValue.uppercased()) is 0/0"
    }
}

extension FairnessAudit {
    /// The metric's value, or why it has none (on `rows`, named in words).
    public func definedValue(of metric: FairnessMetric, rows: String? = nil) -> Result<Double, UndefinedMetric> {
        if let undefined = UndefinedMetric(metric: metric, audit: self, rows: rows) { return .failure(undefined) }
        return .success(value(of: metric))
    }
}

extension UndefinedMetric {
    /// How reasons name the training split.
    public static let trainingSplit = "the training split"
    /// How reasons name the test split.
    public static let testSplit = "the test split"
}

extension Result where Failure == UndefinedMetric {
    /// The reason, when undefined.
    public var failure: UndefinedMetric? {
        if case .failure(let reason) = self { return reason }
        return nil
    }
}
