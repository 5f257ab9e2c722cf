import FairflipFairness
import FairflipLearning
import FairflipLinearAlgebra
import FairflipSolver

/// The soft formulation: smoothed rates `q_j = σ(s_j / τ)` linearised in the toggles
/// (formulation.md, "The soft formulation").
///
/// Each gap is `G_0 + b' t` with `b = U' X' (ω ∘ q(1 − q)/τ)`: two matrix–vector products per
/// gap, no `n × m` work. The MIP has the `m` flip binaries, the budget, the trust region and two
/// rows per gap; it solves in milliseconds, which also makes it a good source of MIP starts.
struct SoftFormulation: Formulation {
    let problem: MIPProblem
    let lp: LinearisedProblem
    let tau: Double
    /// Smoothed gap at the linearisation point, and its sensitivity to each toggle.
    let gapBase: GapValues
    let gapSlope: PerGap<[Double]>
    /// Smoothed misclassification count at the linearisation point and its slopes.
    let errorBase: Double
    let errorSlope: [Double]
    let auxStart: Int

    var candidateCount: Int { lp.candidateCount }

    init(_ lp: LinearisedProblem, tau: Double) {
        self.lp = lp
        self.tau = tau
        let planning = lp.planning
        let m = lp.candidateCount
        let q = lp.scores.map { Logistic.sigmoid($0 / tau) }
        let slope = q.map { $0 * (1 - $0) / tau }
        func linearise(_ weights: [Double]) -> (Double, [Double]) {
            var base = 0.0
            var weighted = [Double](repeating: 0, count: weights.count)
            for j in weights.indices {
                base += weights[j] * q[j]
                weighted[j] = weights[j] * slope[j]
            }
            let direction = BLAS.product(planning.features, weighted, transpose: true)  // d
            return (base, BLAS.product(lp.response.columns, direction, transpose: true))  // m
        }
        var gapBase = GapValues.zero, gapSlope = PerGap<[Double]>(tpr: [], fpr: [], pr: [])
        for gap in lp.metric.gaps {
            (gapBase[gap], gapSlope[gap]) = linearise(lp.gapWeights[gap])
        }
        // errors = #positives + Σ_j (y_j ? -1 : +1) q_j
        let (eBase, eSlope) = linearise(planning.truth.map { $0 ? -1 : 1 })
        errorBase = eBase + Double(planning.truth.filter { $0 }.count)
        errorSlope = eSlope
        self.gapBase = gapBase
        self.gapSlope = gapSlope

        // t_i = c_i + (1 - 2 c_i) x_i: constants from the current state move to the right-hand sides.
        let state = lp.state
        let sign = state.map { $0 ? -1.0 : 1.0 }
        func atState(_ b: [Double]) -> Double { zip(b, state).reduce(0) { $0 + ($1.1 ? $1.0 : 0) } }
        var p = MIPProblem()
        p.name = "fairflip_soft"
        let flippedNow = state.filter { $0 }.count
        let budgetRow = p.addRow(name: "budget", upper: Double(lp.budget))
        let refining = flippedNow > 0 || lp.toggleLimit < min(lp.budget, m)
        let trustRow = refining ? p.addRow(name: "trust", upper: Double(lp.toggleLimit - flippedNow)) : nil
        let (gapRows, metricRow) = p.appendGapRows(gaps: lp.metric.gaps, goal: lp.goal) { gap in
            gapBase[gap] + atState(gapSlope[gap])
        }
        var errorRow: Int?
        if let cap = lp.errorCap {
            errorRow = p.addRow(name: "error_cap", upper: Double(cap) - errorBase - atState(errorSlope))
        }
        let targetMode = metricRow != nil
        for i in 0..<m {
            var e: [(row: Int, value: Double)] = [(budgetRow, 1)]
            if let trustRow { e.append((trustRow, sign[i])) }
            for (g, gap) in lp.metric.gaps.enumerated() {
                let b = sign[i] * gapSlope[gap][i]
                e.append((gapRows[g].hi, b))
                e.append((gapRows[g].lo, b))
            }
            if let errorRow { e.append((errorRow, sign[i] * errorSlope[i])) }
            p.addBinary(name: "flip_\(planning.trainNames[lp.response.candidates[i]])",
                        objective: targetMode ? 1 : 0, entries: e)
        }
        auxStart = p.appendAuxiliaryColumns(for: lp.metric, gapRows: gapRows, metricRow: metricRow, targetMode: targetMode)
        problem = p
    }

    /// Smoothed gaps after plan `x`, by the linear model.
    func gaps(_ x: [Bool]) -> GapValues {
        let t = lp.response.toggles(to: x)
        var out = GapValues.zero
        for gap in lp.metric.gaps { out[gap] = gapBase[gap] + BLAS.dot(gapSlope[gap], t) }
        return out
    }

    func surrogateMetric(_ x: [Bool]) -> Double { lp.metric.value(gaps: gaps(x)) }

    func start(for x: [Bool]) -> [Double]? {
        guard x.count == candidateCount, lp.withinLimits(x) else { return nil }
        let g = gaps(x)
        if case .fewestFlips(let target) = lp.goal, lp.metric.value(gaps: g) > target { return nil }
        if let cap = lp.errorCap, errorBase + BLAS.dot(errorSlope, lp.response.toggles(to: x)) > Double(cap) { return nil }
        var values = x.map { $0 ? 1.0 : 0.0 }
        values += lp.metric.auxValues(gaps: g)
        return values
    }
}
