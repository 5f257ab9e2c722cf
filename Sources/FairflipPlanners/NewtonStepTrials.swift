import FairflipLinearAlgebra

/// The training scores of one-toggle variants after a single Newton step from the current fit:
/// `theta + u_i`, whose scores are `s + X u_i` (`u_i` the influence column of the toggle).
///
/// One Newton step from a converged fit is the truncated retrain that greedy-retrain ranks its
/// shortlist by: it costs one matrix product for the whole shortlist, where a retrain to the
/// learner's tolerance costs several passes over the features per candidate. Its error is of
/// second order in the toggle, so it moves few predictions; the candidate it picks is then
/// retrained to tolerance before the greedy goes on.
struct NewtonStepTrials {
    /// The toggled training rows, in order.
    let rows: [Int]
    /// Row r's score in trial j at `scores[j * n + r]`, n = training rows.
    private let scores: [Double]
    private let n: Int

    /// - Parameters:
    ///   - features: the training features X (n x d).
    ///   - scores: the current fit's training scores `X theta`.
    ///   - influence: the influence columns of the toggles at the current fit.
    init(features: Matrix, scores: [Double], influence: InfluenceColumns) {
        n = features.rows
        rows = influence.rows
        // (X U)' = U' X': trial by trial, each trial's scores contiguous.
        var moved = BLAS.product(influence.columns, features, transposeA: true, transposeB: true).storage
        for j in rows.indices {
            for r in 0..<n { moved[j * n + r] += scores[r] }
        }
        self.scores = moved
    }

    /// The training scores of trial `j`.
    func scores(_ j: Int) -> [Double] { Array(scores[(j * n)..<((j + 1) * n)]) }
}
