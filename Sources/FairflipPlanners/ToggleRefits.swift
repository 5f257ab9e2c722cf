import FairflipFairness
import FairflipLearning
import FairflipLinearAlgebra

/// Retrains many one-toggle variants of the same labels at once: the trials of a greedy round.
///
/// Each variant is refitted by chord steps with the round's Hessian factor, like `ChordRefit`,
/// but the variants share every pass over the features: the scores of all of them are one
/// matrix-matrix product `X Theta` and their gradients one `X' R`, so a block of trials streams
/// the training matrix once per step instead of once per trial (the refits are bound by memory
/// traffic, so this is several times faster). A variant that has not converged after
/// `maxSteps`, or whose gradient stops shrinking, is finished by the learner's Newton method,
/// so every result meets the learner's tolerance. Results do not depend on `threads`: blocks
/// of `blockSize` trials are formed in input order and each is computed alike.
struct ToggleRefits {
    let context: PlanningContext
    /// Labels the toggles apply to.
    let labels: [Double]
    /// The model the refits start from.
    let start: [Double]
    /// The Hessian factor at (or near) `start`.
    let factor: Cholesky
    var maxSteps = 12
    /// Trials per shared pass over the features.
    var blockSize = 8

    /// One retrained variant.
    struct Trial: Sendable {
        /// The toggled training row.
        var row: Int
        var model: FittedModel
        /// Its training scores.
        var scores: [Double]
        var cost: ChordRefit.Cost
    }

    /// Refits with each of `rows` toggled (one at a time), in order.
    func fit(toggling rows: [Int], threads: Int) throws -> [Trial] {
        let blocks = stride(from: 0, to: rows.count, by: blockSize).map { Array(rows[$0..<min($0 + blockSize, rows.count)]) }
        return try ParallelMap.map(blocks, threads: threads) { try fitBlock($0) }.flatMap { $0 }
    }

    private func fitBlock(_ rows: [Int]) throws -> [Trial] {
        let learner = context.learner
        let x = context.instance.train.features
        let n = x.rows, d = x.columns, t = rows.count
        let C = learner.C
        let scale = C * Double(n)
        var theta = Matrix(rows: d, columns: t)  // column j: trial j's parameters
        for j in 0..<t { for r in 0..<d { theta[r, j] = start[r] } }
        var lastGood = theta
        var previous = [Double](repeating: .infinity, count: t)
        var active = [Bool](repeating: true, count: t)
        var steps = [Int](repeating: 0, count: t)
        var done: [Trial?] = Array(repeating: nil, count: t)
        var fallback: [Int] = []
        var scores = Matrix(rows: n, columns: t)
        var residual = Matrix(rows: n, columns: t)
        var gradient = Matrix(rows: d, columns: t)
        while active.contains(true) {
            BLAS.gemm(x, theta, into: &scores)
            scores.storage.withUnsafeBufferPointer { s in
                residual.storage.withUnsafeMutableBufferPointer { res in
                    for i in 0..<n {
                        let y = labels[i]
                        for j in 0..<t { res[i * t + j] = C * (Logistic.sigmoid(s[i * t + j]) - y) }
                    }
                }
            }
            for (j, row) in rows.enumerated() {  // the toggled label: 1 - y instead of y
                residual[row, j] += C * (2 * labels[row] - 1)
            }
            BLAS.gemm(x, residual, transposeA: true, into: &gradient)
            var stepColumns: [Int] = []
            for j in 0..<t where active[j] {
                var norm = 0.0
                for r in 0..<d {
                    if r < d - 1 { gradient[r, j] += theta[r, j] }
                    norm = max(norm, abs(gradient[r, j]))
                }
                norm /= scale
                guard norm.isFinite, norm < previous[j] else {
                    for r in 0..<d { theta[r, j] = lastGood[r, j] }
                    active[j] = false
                    fallback.append(j)
                    continue
                }
                for r in 0..<d { lastGood[r, j] = theta[r, j] }
                if norm <= learner.tolerance {
                    let s = (0..<n).map { scores[$0, j] }
                    var y = labels
                    y[rows[j]] = 1 - y[rows[j]]
                    let objective = learner.objective(scores: s, labels: y, weights: [Double](repeating: 1, count: n),
                                                      parameters: (0..<d).map { theta[$0, j] })
                    var cost = ChordRefit.Cost()
                    cost.chordSteps = steps[j]
                    done[j] = Trial(row: rows[j], model: FittedModel(parameters: (0..<d).map { theta[$0, j] }, iterations: 0,
                                                                     gradientNorm: norm, objective: objective, converged: true),
                                    scores: s, cost: cost)
                    active[j] = false
                    continue
                }
                if steps[j] == maxSteps {
                    active[j] = false
                    fallback.append(j)
                    continue
                }
                previous[j] = norm
                stepColumns.append(j)
            }
            for j in stepColumns {
                let step = factor.solve((0..<d).map { gradient[$0, j] })
                for r in 0..<d { theta[r, j] -= step[r] }
                steps[j] += 1
            }
        }
        for j in fallback {
            var y = labels
            y[rows[j]] = 1 - y[rows[j]]
            let model = try context.refitFirmModel(labels: y, from: (0..<d).map { theta[$0, j] })
            var cost = ChordRefit.Cost()
            cost.chordSteps = steps[j]
            cost.newtonIterations = model.iterations
            cost.fallbacks = 1
            done[j] = Trial(row: rows[j], model: model, scores: model.scores(x), cost: cost)
        }
        return done.map { $0! }
    }
}
