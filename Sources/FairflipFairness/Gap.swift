/// A group difference (minority − majority) of one prediction rate: the building block of every
/// fairness metric.
///
/// Each gap is the difference of the share of rows predicted favourable among the rows it
/// counts, which are the truly favourable rows (TPR), the truly unfavourable rows (FPR) or all
/// rows (PR). That one fact gives its exact value from confusion counts, its weight per row in
/// the MIP's linear encoding, and its coefficients on the smoothed cell rates.
public enum Gap: String, Sendable, Codable, CaseIterable {
    /// True-positive rate gap.
    case tpr
    /// False-positive rate gap.
    case fpr
    /// Positive-prediction rate gap.
    case pr

    /// The true label of the rows the gap's rates count, or `nil` when they count every row.
    public var countedTruth: Bool? {
        switch self {
        case .tpr: return true
        case .fpr: return false
        case .pr: return nil
        }
    }

    /// The gap's rate in one group.
    public func rate(in group: GroupRates) -> Double {
        switch self {
        case .tpr: return group.truePositiveRate
        case .fpr: return group.falsePositiveRate
        case .pr: return group.positiveRate
        }
    }

    /// The rows the gap counts, in words ("truly favourable rows", "rows").
    public var countedRows: String {
        switch countedTruth {
        case true?: return "truly favourable rows"
        case false?: return "truly unfavourable rows"
        case nil: return "rows"
        }
    }

    /// Weight of one row in the gap as a linear function of predictions,
    /// `gap = Σ_j weight_j · prediction_j`: `±1 / N`, with `N` the size of the row's group
    /// among the counted rows (+ for the minority, − for the majority), 0 for rows not counted.
    public func weight(group: Group, truth: Bool, counts: CellCounts) -> Double {
        guard group != .other, countedTruth == nil || countedTruth == truth else { return 0 }
        return (group == .minority ? 1 : -1) / Double(counts.count(group, truth: countedTruth))
    }

    /// The gap as a linear function of the four cell rates, in `CellCounts.cells` order
    /// (minority favourable, minority unfavourable, majority favourable, majority unfavourable):
    /// a difference of two cells for TPR and FPR, of cell-size-weighted means for PR.
    public func cellCoefficients(counts: CellCounts) -> [Double] {
        CellCounts.cells.map { cell in
            let sign: Double = cell.group == .minority ? 1 : -1
            guard let counted = countedTruth else {
                let size = counts.count(cell.group, truth: nil)
                return size > 0 ? sign * (Double(counts.count(cell.group, truth: cell.truth)) / Double(size)) : 0
            }
            return counted == cell.truth ? sign : 0
        }
    }
}
