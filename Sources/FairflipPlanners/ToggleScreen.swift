import FairflipLinearAlgebra

/// The linearised smoothed metric after toggling each of many rows at one fitted model, for
/// greedy-retrain's screening: `rate(z) ~ rate + V' U z`, as in `LinearisedRates`, but without
/// the influence columns. A toggle of row i changes cell rate c by `v_c' u_i = w_c' Delta g_i`
/// with `w_c = H^{-1} v_c` (H symmetric), so four solves serve every row, where the influence
/// columns take one solve per row (8,670 per round on adult).
struct ToggleScreen {
    let smoothed: SmoothedMetric
    /// Smoothed cell rates at the model.
    let rates: [Double]
    /// The rows whose toggles are screened.
    let rows: [Int]
    /// Predicted change of cell rate c per toggle of `rows[p]`, at `p * 4 + c`.
    private let effects: [Double]

    /// Linearises at a fitted model (its training `scores` and Hessian `factor`), for toggles of
    /// `rows` from `labels`.
    init(context: PlanningContext, smoothed: SmoothedMetric, factor: Cholesky, scores: [Double], labels: [Double],
         rows: [Int]) {
        let x = context.instance.train.features
        let evaluation = smoothed.evaluate(scores: scores)
        let w = factor.solve(evaluation.rateSensitivities(x))  // d x 4
        let xw = BLAS.product(x.selectingRows(rows), w)  // rows x 4
        let C = context.learner.C
        var effects = [Double](repeating: 0, count: rows.count * 4)
        for (p, i) in rows.enumerated() {
            // Delta g_i = -C (2 y_i - 1) x_i, as in `InfluenceColumns`.
            let sign = -C * (2 * labels[i] - 1)
            for c in 0..<4 { effects[p * 4 + c] = sign * xw[p, c] }
        }
        self.smoothed = smoothed
        self.rates = evaluation.rates
        self.rows = rows
        self.effects = effects
    }

    /// The surrogate metric after toggling `rows[p]`.
    func value(toggling p: Int) -> Double {
        smoothed.value(rates: (0..<4).map { rates[$0] + effects[p * 4 + $0] }).value
    }
}
