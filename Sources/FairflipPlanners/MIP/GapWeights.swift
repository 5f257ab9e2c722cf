import FairflipSolver
import FairflipFairness

/// How each planning row's prediction enters each gap: `gap = Σ_j weight_j · prediction_j`
/// (`Gap.weight`): a minority row the gap counts adds `1/N`, a majority row subtracts `1/N`,
/// with `N` its group's count of such rows; rows of other groups weigh nothing.
struct GapWeights: Sendable {
    /// `weights[gap][j]` for every planning row j.
    private let weights: PerGap<[Double]>

    /// The weights on rows with these true labels and groups; refuses when a gap the metric
    /// reads is undefined on them (a group without any of the rows the gap counts).
    init(truth: [Bool], groups: [Group], metric: FairnessMetric) throws {
        let counts = CellCounts(truth: truth, groups: groups)
        if let undefined = UndefinedMetric(metric: metric, counts: counts, rows: "the planning rows") { throw undefined }
        weights = PerGap { gap in zip(groups, truth).map { gap.weight(group: $0, truth: $1, counts: counts) } }
    }

    /// Every planning row's weight in `gap`.
    subscript(gap: Gap) -> [Double] { weights[gap] }
}

extension FairnessMetric {
    /// The metric from gap values (of the linear model, say).
    func value(gaps: GapValues) -> Double { formula.value(gaps) }

    /// Values of the auxiliary variables for given gaps (their tightest feasible values).
    func auxValues(gaps: GapValues) -> [Double] { formula.auxiliaryValues(gaps) }
}

extension MIPProblem {
    /// Appends the rows that bound each gap of `goal`'s metric from both sides around a constant
    /// (`<gap>_hi`, `<gap>_lo`; the gap's variable part enters with the columns), and the
    /// `metric_cap` row in target mode: the rows both formulations share.
    /// - Parameter constant: the part of a gap that no column changes.
    mutating func appendGapRows(gaps: [Gap], goal: LinearisedProblem.Goal, constant: (Gap) -> Double)
        -> (gapRows: [(hi: Int, lo: Int)], metricRow: Int?) {
        let gapRows = gaps.map { gap -> (hi: Int, lo: Int) in
            let c = constant(gap)
            return (addRow(name: "\(gap.rawValue)_hi", upper: -c), addRow(name: "\(gap.rawValue)_lo", lower: -c))
        }
        var metricRow: Int?
        if case .fewestFlips(let target) = goal { metricRow = addRow(name: "metric_cap", upper: target) }
        return (gapRows, metricRow)
    }

    /// Appends the metric's auxiliary columns (`MetricFormula.auxiliaries`, formulation.md): each
    /// bounds its gaps from both sides (`gapRows[g]`, in the metric's gap order), enters the
    /// metric row when there is one (target mode), and carries its metric weight in the
    /// objective (scaled down to a tie-break in target mode, where the objective is the number
    /// of flips).
    /// - Returns: the index of the first auxiliary column.
    @discardableResult
    mutating func appendAuxiliaryColumns(
        for metric: FairnessMetric, gapRows: [(hi: Int, lo: Int)], metricRow: Int?, targetMode: Bool
    ) -> Int {
        let start = columnCount
        for aux in metric.formula.auxiliaries {
            var e: [(row: Int, value: Double)] = []
            for g in aux.gapIndices {
                e.append((gapRows[g].hi, -1))
                e.append((gapRows[g].lo, 1))
            }
            if let metricRow { e.append((metricRow, aux.weight)) }
            addColumn(name: aux.name, objective: aux.weight * (targetMode ? HardFormulation.tieBreak : 1),
                      lower: 0, upper: .infinity, entries: e)
        }
        return start
    }
}
