import FairflipFairness
import FairflipLinearAlgebra
import FairflipSolver

/// The hard formulation: the metric on predicted labels of the planning rows
/// (formulation.md, "The hard formulation").
///
/// Columns: `flip_<line>` (binary, one per candidate), `dtheta_<j>` (free, `d`), `pred_<line>`
/// (binary, one per row whose prediction can change within the toggle limit), and the metric's
/// auxiliary variables. Rows: `dtheta_def_<j>` (`Δθ − U t = 0`, affine in the flips), `budget`,
/// `trust` (refinement only), `score_hi_/score_lo_<line>` (big-M links, M from the reach),
/// `<gap>_hi/_lo` (absolute gaps), `metric_cap` (target mode) and `error_cap`. `<line>` is the
/// row's name (`RowProvenance`): its CSV line, or `t<line>` for a row of a spec's test file in a
/// pooled re-split.
struct HardFormulation: Formulation {
    let problem: MIPProblem
    let lp: LinearisedProblem
    let reach: Reach
    /// Margin a favourable prediction must clear in the model.
    let eps: Double
    /// Column of `dtheta_0`; `pred` columns follow the `d` of them, then the auxiliaries.
    let dthetaStart: Int
    let predStart: Int
    let auxStart: Int
    /// Tie-break weight of the metric in target mode (fewest flips first, then the fairest).
    static let tieBreak = 1e-3

    var candidateCount: Int { lp.candidateCount }

    init(_ lp: LinearisedProblem, eps: Double = 1e-5) {
        self.lp = lp
        self.eps = eps
        let planning = lp.planning
        let m = lp.candidateCount
        let u = lp.response.columns
        let d = u.rows
        let state = lp.state
        let flippedNow = state.filter { $0 }.count

        var include = planning.groups.map { $0 != .other }
        if lp.errorCap != nil { include = Array(repeating: true, count: planning.count) }
        let reach = Reach(features: planning.features, scores: lp.scores, columns: u,
                          limit: lp.toggleLimit, include: include, keptEffects: HardLocalSearch.maxEntries)
        self.reach = reach
        let changing = Set(reach.changeable)

        var p = MIPProblem()
        p.name = "fairflip"
        // Rows.
        let uc = BLAS.product(u, state.map { $0 ? 1.0 : 0.0 })  // U c
        let defRows = (0..<d).map { p.addRow(name: "dtheta_def_\($0)", lower: uc[$0], upper: uc[$0]) }
        let budgetRow = p.addRow(name: "budget", upper: Double(lp.budget))
        let refining = flippedNow > 0 || lp.toggleLimit < min(lp.budget, m)
        let trustRow = refining ? p.addRow(name: "trust", upper: Double(lp.toggleLimit - flippedNow)) : nil
        var hiRows: [Int] = [], loRows: [Int] = []
        var mPlus: [Double] = [], mMinus: [Double] = []
        for (r, j) in reach.changeable.enumerated() {
            let s = lp.scores[j]
            let mp = max(0, s + reach.up[r]), mm = eps - (s + reach.down[r])
            mPlus.append(mp)
            mMinus.append(mm)
            hiRows.append(p.addRow(name: "score_hi_\(planning.names[j])", upper: -s))
            loRows.append(p.addRow(name: "score_lo_\(planning.names[j])", lower: eps - mm - s))
        }
        // Fixed rows' predictions are constants in the gaps and the error count.
        var gapRows: [(hi: Int, lo: Int)] = []
        for gap in lp.metric.gaps {
            let w = lp.gapWeights[gap]
            var constant = 0.0
            for j in 0..<planning.count where !changing.contains(j) && lp.scores[j] > 0 { constant += w[j] }
            gapRows.append((p.addRow(name: "\(gap.rawValue)_hi", upper: -constant),
                            p.addRow(name: "\(gap.rawValue)_lo", lower: -constant)))
        }
        var metricRow: Int?
        if case .fewestFlips(let target) = lp.goal { metricRow = p.addRow(name: "metric_cap", upper: target) }
        var errorRow: Int?
        if let cap = lp.errorCap {
            var fixedErrors = 0, positivesChanging = 0
            for j in 0..<planning.count {
                if changing.contains(j) {
                    if planning.truth[j] { positivesChanging += 1 }
                } else if (lp.scores[j] > 0) != planning.truth[j] {
                    fixedErrors += 1
                }
            }
            errorRow = p.addRow(name: "error_cap", upper: Double(cap - fixedErrors - positivesChanging))
        }

        // Columns, with their entries.
        let targetMode: Bool = { if case .fewestFlips = lp.goal { return true } else { return false } }()
        for i in 0..<m {
            var e: [(row: Int, value: Double)] = []
            let sign = state[i] ? -1.0 : 1.0
            for j in 0..<d { e.append((defRows[j], -sign * u[j, i])) }
            e.append((budgetRow, 1))
            if let trustRow { e.append((trustRow, sign)) }
            p.addBinary(name: "flip_\(planning.trainNames[lp.response.candidates[i]])",
                        objective: targetMode ? 1 : 0, entries: e)
        }
        dthetaStart = p.columnCount
        var dthetaEntries = ColumnEntries(columns: d)
        for (r, j) in reach.changeable.enumerated() {
            for k in 0..<d {
                let x = planning.features[j, k]
                dthetaEntries.add(column: k, row: hiRows[r], value: x)
                dthetaEntries.add(column: k, row: loRows[r], value: x)
            }
        }
        for k in 0..<d {
            p.addColumn(name: "dtheta_\(k)", lower: -.infinity, upper: .infinity,
                        entries: [(defRows[k], 1)] + dthetaEntries.entries[k])
        }
        predStart = p.columnCount
        for (r, j) in reach.changeable.enumerated() {
            var e: [(row: Int, value: Double)] = [(hiRows[r], -mPlus[r]), (loRows[r], -mMinus[r])]
            for (g, gap) in lp.metric.gaps.enumerated() {
                e.append((gapRows[g].hi, lp.gapWeights[gap][j]))
                e.append((gapRows[g].lo, lp.gapWeights[gap][j]))
            }
            if let errorRow { e.append((errorRow, planning.truth[j] ? -1 : 1)) }
            p.addBinary(name: "pred_\(planning.names[j])", entries: e)
        }
        auxStart = p.appendAuxiliaryColumns(for: lp.metric, gapRows: gapRows, metricRow: metricRow, targetMode: targetMode)
        problem = p
    }

    func surrogateMetric(_ x: [Bool]) -> Double {
        lp.linearAudit(x).value(of: lp.metric)
    }

    func start(for x: [Bool]) -> [Double]? {
        guard x.count == candidateCount, lp.withinLimits(x) else { return nil }
        let dtheta = lp.response.parameterChange(to: x)
        let scores = lp.linearScores(x)
        var values = [Double](repeating: 0, count: problem.columnCount)
        for i in 0..<candidateCount { values[i] = x[i] ? 1 : 0 }
        for k in dtheta.indices { values[dthetaStart + k] = dtheta[k] }
        for (r, j) in reach.changeable.enumerated() {
            let s = scores[j]
            if s >= eps { values[predStart + r] = 1 } else if s > 0 { return nil }
        }
        let audit = lp.linearAudit(x)
        let gaps = audit.gaps
        let aux = lp.metric.auxValues(gaps: gaps)
        for (a, v) in aux.enumerated() { values[auxStart + a] = v }
        if let cap = lp.errorCap, LinearisedProblem.errors(audit) > cap { return nil }
        if case .fewestFlips(let target) = lp.goal, lp.metric.value(gaps: gaps) > target + 1e-12 { return nil }
        // Guard against a row the reach missed (it would make the start violate its own rows).
        let activity = problem.rowActivities(values)
        for r in 0..<problem.rowCount
        where activity[r] < problem.rowLower[r] - 1e-7 || activity[r] > problem.rowUpper[r] + 1e-7 {
            return nil
        }
        return values
    }
}

