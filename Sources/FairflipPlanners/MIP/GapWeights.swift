import FairflipSolver
import FairflipFairness

/// A group difference (minority − majority) that fairness metrics are built from.
public enum Gap: String, Sendable, Codable, CaseIterable {
    case tpr, fpr, pr
}

/// How each planning row's prediction enters each gap: `gap = Σ_j weight_j · prediction_j`.
///
/// With `N_c` the size of cell c = (group, true label), a minority positive adds `1/N_(min,1)` to
/// the TPR gap, a majority positive subtracts `1/N_(maj,1)`, and so on. Rows of other groups
/// weigh nothing.
struct GapWeights: Sendable {
    /// `weights[gap][j]` for every planning row j.
    let weights: [Gap: [Double]]

    init(truth: [Bool], groups: [Group], gaps: [Gap]) throws {
        var cells = [String: Int]()
        func key(_ g: Group, _ y: Bool?) -> String { "\(g.rawValue)-\(y.map { $0 ? "1" : "0" } ?? "all")" }
        for (y, g) in zip(truth, groups) where g != .other {
            cells[key(g, y), default: 0] += 1
            cells[key(g, nil), default: 0] += 1
        }
        var weights: [Gap: [Double]] = [:]
        for gap in gaps {
            var w = [Double](repeating: 0, count: truth.count)
            for j in truth.indices where groups[j] != .other {
                let cell: Bool?
                switch gap {
                case .tpr: guard truth[j] else { continue }; cell = true
                case .fpr: guard !truth[j] else { continue }; cell = false
                case .pr: cell = nil
                }
                let size = cells[key(groups[j], cell)] ?? 0
                w[j] = (groups[j] == .minority ? 1 : -1) / Double(size)
            }
            for g in [Group.minority, .majority] {
                let cell: Bool? = gap == .tpr ? true : (gap == .fpr ? false : nil)
                if (cells[key(g, cell)] ?? 0) == 0 {
                    let what = gap == .tpr ? "truly favourable" : (gap == .fpr ? "truly unfavourable" : "")
                    throw PlanningError("the planning rows have no \(what) \(g.rawValue) rows: the \(gap.rawValue) gap is undefined")
                }
            }
            weights[gap] = w
        }
        self.weights = weights
    }
}

extension FairnessMetric {
    /// The gaps the metric uses, the auxiliary variable bounding each gap's absolute value, and
    /// each auxiliary variable's weight in the metric (formulation.md, "The hard formulation").
    var encoding: (gaps: [(gap: Gap, aux: Int)], auxWeights: [Double], auxNames: [String]) {
        switch self {
        case .eqodds: return ([(.tpr, 0), (.fpr, 1)], [0.5, 0.5], ["abs_tpr", "abs_fpr"])
        case .eqoddsMax: return ([(.tpr, 0), (.fpr, 0)], [1], ["max_abs_gap"])
        case .dp: return ([(.pr, 0)], [1], ["abs_pr"])
        case .eqopp: return ([(.tpr, 0)], [1], ["abs_tpr"])
        }
    }

    /// The metric from gap values.
    func value(gaps: [Gap: Double]) -> Double {
        let tpr = abs(gaps[.tpr] ?? 0), fpr = abs(gaps[.fpr] ?? 0), pr = abs(gaps[.pr] ?? 0)
        switch self {
        case .eqodds: return 0.5 * (tpr + fpr)
        case .eqoddsMax: return max(tpr, fpr)
        case .dp: return pr
        case .eqopp: return tpr
        }
    }

    /// Values of the auxiliary variables for given gaps (their tightest feasible values).
    func auxValues(gaps: [Gap: Double]) -> [Double] {
        let enc = encoding
        var aux = [Double](repeating: 0, count: enc.auxWeights.count)
        for (gap, a) in enc.gaps { aux[a] = max(aux[a], abs(gaps[gap] ?? 0)) }
        return aux
    }
}

extension MIPProblem {
    /// Appends the metric's auxiliary columns (one per absolute gap, formulation.md): each bounds
    /// its gaps from both sides (`gapRows[g]`), enters the metric row when there is one (target
    /// mode), and carries its metric weight in the objective (scaled down to a tie-break in
    /// target mode, where the objective is the number of flips).
    /// - Returns: the index of the first auxiliary column.
    @discardableResult
    mutating func appendAuxiliaryColumns(
        for metric: FairnessMetric, gapRows: [(hi: Int, lo: Int)], metricRow: Int?, targetMode: Bool
    ) -> Int {
        let enc = metric.encoding
        let start = columnCount
        for (a, name) in enc.auxNames.enumerated() {
            var e: [(row: Int, value: Double)] = []
            for (g, (_, aux)) in enc.gaps.enumerated() where aux == a {
                e.append((gapRows[g].hi, -1))
                e.append((gapRows[g].lo, 1))
            }
            if let metricRow { e.append((metricRow, enc.auxWeights[a])) }
            addColumn(name: name, objective: enc.auxWeights[a] * (targetMode ? HardFormulation.tieBreak : 1),
                      lower: 0, upper: .infinity, entries: e)
        }
        return start
    }
}
