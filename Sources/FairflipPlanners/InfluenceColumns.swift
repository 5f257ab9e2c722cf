import FairflipLearning
import FairflipLinearAlgebra

/// The first-order effect of toggling single labels: columns `u_i = -H^{-1} Delta g_i` with
/// `Delta g_i = C w_i (2 y_i - 1) x_i` (the formulation's U, d x m).
///
/// `theta + u_i` is exactly one Newton step from a fitted `theta` towards the model retrained
/// with row i's label toggled, so the columns serve both as a linear prediction of the effect
/// of a plan (`theta(z) ~ theta + U z`) and as warm starts that reuse the Hessian factor.
/// Sample weights are 1 (the firm's learner has none).
public struct InfluenceColumns: Sendable {
    /// The training rows whose toggles the columns describe, in column order.
    public let rows: [Int]
    /// `u_i` for each row of `rows`, as the columns of a d x m matrix.
    public let columns: Matrix

    /// Computes the columns at a fitted model.
    ///
    /// - Parameters:
    ///   - features: the training features.
    ///   - labels: the labels the model was fitted on (a toggle moves row i to `1 - labels[i]`).
    ///   - rows: the rows to toggle.
    ///   - C: the learner's inverse regularisation.
    ///   - factor: the Cholesky factor of the Hessian at the fitted model.
    public init(features: Matrix, labels: [Double], rows: [Int], C: Double, factor: Cholesky) {
        let d = features.columns
        var rhs = Matrix(rows: d, columns: rows.count)
        for (col, i) in rows.enumerated() {
            let sign = -C * (2 * labels[i] - 1)
            for f in 0..<d { rhs[f, col] = sign * features[i, f] }
        }
        self.rows = rows
        columns = factor.solve(rhs)
    }

    /// The column of the `index`-th row.
    public func column(_ index: Int) -> [Double] { columns.column(index) }

    /// The predicted change of each cell's smoothed rate per toggle: a 4 x m matrix `V' U`.
    public func rateEffects(_ sensitivities: Matrix) -> Matrix {
        BLAS.product(sensitivities, columns, transposeA: true)
    }
}
