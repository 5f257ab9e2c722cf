import FairflipFairness
import FairflipLinearAlgebra
import FairflipSolver

/// The hard formulation: the metric on predicted labels of the planning rows
/// (formulation.md, "The hard formulation").
///
/// Columns: `flip_<line>` (integer, one per class of interchangeable candidates, named by its
/// first member, counting its flipped members: `CandidateClasses`; a binary for most), `dtheta_<j>` (free, `d`), `pred_<line>`
/// (binary, one per class of rows with identical features whose prediction can change within the
/// toggle limit, named by its first row: `PredictionClasses`), and the metric's auxiliary
/// variables. Rows: `dtheta_def_<j>` (`Δθ − U t = 0`, affine in the flips), `budget`, `trust`
/// (refinement only), `score_hi_/score_lo_<line>` (big-M links per class, M from the reach),
/// `order_<line>_<line>` (score-order inequalities `v_hi ≥ v_lo`: `ScoreOrder`), `<gap>_hi/_lo`
/// (absolute gaps), `metric_cap` (target mode) and `error_cap`. Prediction classes and score-order rows
/// remove no integer solution of the linear model; they only tighten the LP relaxation. Candidate
/// classes remove only copies of a plan that differ in which of two identical rows flips.
/// `<line>` is the row's name (`RowProvenance`): its CSV line, or `t<line>` for a row of a spec's
/// test file in a pooled re-split.
///
/// **Links and the integrality tolerance.** For a changeable row with linear score `s'` the links are
///
///     s' ≤ (M⁺ + δ) v − δ          (v = 0 forces s' ≤ −δ; v = 1 allows up to M⁺ = max(0, s + up))
///     s' ≥ ε − M⁻ (1 − v)          (v = 1 forces s' ≥ ε;  v = 0 allows down to s + down)
///
/// with per-row margins chosen so that a binary CBC accepts as integral (within
/// `integralityTolerance` τ of 0 or 1) still decides the sign of the score exactly as the linear
/// model does (`s' > 0`): `δ = 2τ M⁺` and `ε = max(minimumEps, 2τ |s + down|)`, so "v ≈ 0" gives
/// `s' ≤ (M⁺ + δ)τ − δ < 0` and "v ≈ 1" gives `s' ≥ ε − τ M⁻ > 0`. Scores in the band `(−δ, ε)`
/// (about 1e-5 wide) are excluded from the model. The plan with no toggles is always feasible:
/// for a row whose current score lies inside its band the band is narrowed to exclude that score
/// (`ε ≤ s` when `s > 0`, `δ ≤ −s` when `s ≤ 0`); only such rows (scores within ~1e-5 of 0) can
/// be decoded against the sign of their score.
struct HardFormulation: Formulation {
    let problem: MIPProblem
    let lp: LinearisedProblem
    let reach: Reach
    /// Smallest margin a favourable prediction must clear in the model.
    let minimumEps: Double
    /// CBC's integrality tolerance (its default), which the per-row margins absorb.
    static let integralityTolerance = 1e-6
    /// Changeable rows with identical features, one prediction binary each.
    let classes: PredictionClasses
    /// Candidates with identical influence columns and state, one flip column each (the first
    /// `flipClasses.count` columns).
    let flipClasses: CandidateClasses
    /// Number of score-order rows.
    let orderRows: Int
    /// Per class: the margin a favourable prediction must
    /// clear (`ε`) and the one an unfavourable prediction must stay below 0 by (`δ`).
    let eps: [Double]
    let negativeMargin: [Double]
    /// Column of `dtheta_0`; `pred` columns follow the `d` of them, then the auxiliaries.
    let dthetaStart: Int
    let predStart: Int
    let auxStart: Int
    /// Tie-break weight of the metric in target mode (fewest flips first, then the fairest).
    static let tieBreak = 1e-3

    var candidateCount: Int { lp.candidateCount }

    /// - Parameters:
    ///   - scoreOrder: add the score-order inequalities (off only to measure what they do).
    ///   - orderWork, orderDeadline: cap the score-order search (`ScoreOrder`'s `maxWork`, `stopAt`).
    ///   - mergeCandidates: one integer column per class of interchangeable candidates
    ///     (`CandidateClasses`; off only to measure what it does).
    init(_ lp: LinearisedProblem, minimumEps: Double = 1e-5, scoreOrder: Bool = true, orderWork: Double = 1e9,
         orderDeadline: Deadline? = nil, mergeCandidates: Bool = true) {
        self.lp = lp
        self.minimumEps = minimumEps
        let planning = lp.planning
        let m = lp.candidateCount
        let u = lp.response.columns
        let d = u.rows
        let state = lp.state
        let flippedNow = state.filter { $0 }.count

        var include = planning.groups.map { $0 != .other }
        if lp.errorCap != nil { include = Array(repeating: true, count: planning.count) }
        // At most `flippedNow + budget` toggles are possible (undo every flip, make `budget` new
        // ones), so the reach is never looser than the budget even when the trust region is.
        let limit = min(lp.toggleLimit, flippedNow + lp.budget)
        let reach = Reach(features: planning.features, scores: lp.scores, columns: u, limit: limit, include: include,
                          keptEffects: HardLocalSearch.maxEntries)
        self.reach = reach
        let changing = Set(reach.changeable)
        let classes = PredictionClasses(features: planning.features, reach: reach)
        self.classes = classes

        var p = MIPProblem()
        p.name = "fairflip"
        // Rows.
        let uc = BLAS.product(u, state.map { $0 ? 1.0 : 0.0 })  // U c
        let defRows = (0..<d).map { p.addRow(name: "dtheta_def_\($0)", lower: uc[$0], upper: uc[$0]) }
        let budgetRow = p.addRow(name: "budget", upper: Double(lp.budget))
        let refining = flippedNow > 0 || lp.toggleLimit < min(lp.budget, m)
        let trustRow = refining ? p.addRow(name: "trust", upper: Double(lp.toggleLimit - flippedNow)) : nil
        var hiRows: [Int] = [], loRows: [Int] = []
        var mPlus: [Double] = [], mMinus: [Double] = [], epsRows: [Double] = [], deltaRows: [Double] = []
        let tol = Self.integralityTolerance
        for (c, r) in classes.reachIndex.enumerated() {
            let j = classes.representative(c)
            let s = lp.scores[j]
            let lowest = s + reach.down[r]
            let mp = max(0, s + reach.up[r])
            var e = max(minimumEps, 2 * tol * abs(lowest)), delta = 2 * tol * mp
            if s > 0 { e = min(e, s) } else { delta = min(delta, -s) }
            let mm = e - lowest
            mPlus.append(mp + delta)
            mMinus.append(mm)
            epsRows.append(e)
            deltaRows.append(delta)
            hiRows.append(p.addRow(name: "score_hi_\(planning.names[j])", upper: -s - delta))
            loRows.append(p.addRow(name: "score_lo_\(planning.names[j])", lower: e - mm - s))
        }
        eps = epsRows
        negativeMargin = deltaRows
        var order: ScoreOrder?
        if scoreOrder {
            let reps = (0..<classes.count).map(classes.representative)
            order = ScoreOrder(features: planning.features.selectingRows(reps), scores: reps.map { lp.scores[$0] },
                               columns: u, limit: limit, maxWork: orderWork, stopAt: orderDeadline)
        }
        let orderRowIndices = (order?.edges ?? []).map { e in
            p.addRow(name: "order_\(planning.names[classes.representative(e.hi)])_\(planning.names[classes.representative(e.lo)])", lower: 0)
        }
        orderRows = orderRowIndices.count
        // Fixed rows' predictions are constants in the gaps and the error count.
        let (gapRows, metricRow) = p.appendGapRows(gaps: lp.metric.gaps, goal: lp.goal) { gap in
            let w = lp.gapWeights[gap]
            var constant = 0.0
            for j in 0..<planning.count where !changing.contains(j) && lp.scores[j] > 0 { constant += w[j] }
            return constant
        }
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

        // Columns, with their entries: one per class of interchangeable candidates, counting how
        // many of its members end up flipped (a binary for a class of one).
        let targetMode: Bool = { if case .fewestFlips = lp.goal { return true } else { return false } }()
        let flipClasses = mergeCandidates
            ? CandidateClasses(columns: u, state: state)
            : CandidateClasses(singletons: m)
        self.flipClasses = flipClasses
        for rows in flipClasses.members {
            let i = rows[0]
            var e: [(row: Int, value: Double)] = []
            let sign = state[i] ? -1.0 : 1.0
            for j in 0..<d { e.append((defRows[j], -sign * u[j, i])) }
            e.append((budgetRow, 1))
            if let trustRow { e.append((trustRow, sign)) }
            p.addColumn(name: "flip_\(planning.trainNames[lp.response.candidates[i]])", objective: targetMode ? 1 : 0,
                        lower: 0, upper: Double(rows.count), integer: true, entries: e)
        }
        dthetaStart = p.columnCount
        var dthetaEntries = ColumnEntries(columns: d)
        for c in 0..<classes.count {
            for k in 0..<d {
                let x = planning.features[classes.representative(c), k]
                dthetaEntries.add(column: k, row: hiRows[c], value: x)
                dthetaEntries.add(column: k, row: loRows[c], value: x)
            }
        }
        for k in 0..<d {
            p.addColumn(name: "dtheta_\(k)", lower: -.infinity, upper: .infinity,
                        entries: [(defRows[k], 1)] + dthetaEntries.entries[k])
        }
        predStart = p.columnCount
        var orderEntries = ColumnEntries(columns: classes.count)
        for (e, row) in zip(order?.edges ?? [], orderRowIndices) {
            orderEntries.add(column: e.hi, row: row, value: 1)
            orderEntries.add(column: e.lo, row: row, value: -1)
        }
        for (c, rows) in classes.members.enumerated() {
            var e: [(row: Int, value: Double)] = [(hiRows[c], -mPlus[c]), (loRows[c], -mMinus[c])]
            for (g, gap) in lp.metric.gaps.enumerated() {
                let w = rows.reduce(0) { $0 + lp.gapWeights[gap][$1] }
                if w != 0 {
                    e.append((gapRows[g].hi, w))
                    e.append((gapRows[g].lo, w))
                }
            }
            if let errorRow {
                let w = rows.reduce(0) { $0 + (planning.truth[$1] ? -1.0 : 1.0) }
                if w != 0 { e.append((errorRow, w)) }
            }
            p.addBinary(name: "pred_\(planning.names[rows[0]])", entries: e + orderEntries.entries[c])
        }
        auxStart = p.appendAuxiliaryColumns(for: lp.metric, gapRows: gapRows, metricRow: metricRow, targetMode: targetMode)
        problem = p
    }

    /// The final flip state of a solution: each class's count of flips on its first members.
    func decode(_ values: [Double]) -> [Bool] {
        flipClasses.plan(counts: (0..<flipClasses.count).map { Int(values[$0].rounded()) }, candidates: candidateCount)
    }

    func surrogateMetric(_ x: [Bool]) -> Double {
        lp.linearAudit(x).value(of: lp.metric)
    }

    func start(for x: [Bool]) -> [Double]? {
        guard x.count == candidateCount, lp.withinLimits(x) else { return nil }
        let dtheta = lp.response.parameterChange(to: x)
        let scores = lp.linearScores(x)
        var values = [Double](repeating: 0, count: problem.columnCount)
        for (c, n) in flipClasses.counts(x).enumerated() { values[c] = Double(n) }
        for k in dtheta.indices { values[dthetaStart + k] = dtheta[k] }
        for c in 0..<classes.count {
            let s = scores[classes.representative(c)]
            if s >= eps[c] { values[predStart + c] = 1 } else if s > -negativeMargin[c] { return nil }
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

