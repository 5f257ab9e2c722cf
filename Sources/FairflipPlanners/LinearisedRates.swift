import FairflipLinearAlgebra

/// The smoothed cell rates as linear functions of toggles around one fitted model:
/// `rate(z) ~ rate + E z` with `E = V' U` (4 x m), the formulation's soft surrogate.
///
/// Greedy-surrogate builds its whole plan on one of these; greedy-retrain rebuilds one after
/// every accepted flip to screen the next.
struct LinearisedRates {
    let smoothed: SmoothedMetric
    /// Smoothed cell rates at the model.
    var rates: [Double]
    /// Predicted change of each cell rate per toggle: 4 x m, columns aligned with `influence.rows`.
    let effects: Matrix
    /// The influence columns the effects come from.
    let influence: InfluenceColumns
    /// The Hessian factor at the model (for warm starts and chord refits).
    let factor: Cholesky

    /// Linearises at a fitted model (its `parameters`), for toggles of `rows` from `labels`.
    init(context: PlanningContext, smoothed: SmoothedMetric, parameters: [Double], labels: [Double], rows: [Int]) throws {
        let x = context.instance.train.features
        let scores = BLAS.product(x, parameters)
        let evaluation = smoothed.evaluate(scores: scores)
        let factor = try context.hessianFactor(at: parameters)
        self.init(smoothed: smoothed, evaluation: evaluation, influence: context.influence(of: rows, labels: labels, factor: factor),
                  factor: factor, features: x)
    }

    init(smoothed: SmoothedMetric, evaluation: SmoothedMetric.Evaluation, influence: InfluenceColumns, factor: Cholesky,
         features: Matrix) {
        self.smoothed = smoothed
        self.factor = factor
        self.rates = evaluation.rates
        self.influence = influence
        effects = influence.rateEffects(evaluation.rateSensitivities(features))
    }

    /// The surrogate metric after additionally toggling column `index`.
    func value(adding index: Int) -> Double {
        smoothed.value(rates: (0..<4).map { rates[$0] + effects[$0, index] }).value
    }

    /// The surrogate metric now.
    var value: Double { smoothed.value(rates: rates).value }

    /// Applies the toggle of column `index` to the rates.
    mutating func add(_ index: Int) {
        for c in 0..<4 { rates[c] += effects[c, index] }
    }
}
