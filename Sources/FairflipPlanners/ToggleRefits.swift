import FairflipFairness
import FairflipLearning
import FairflipLinearAlgebra

/// Retrains many one-toggle variants of the same labels at once: the trials of a greedy round.
///
/// Each variant is refitted by chord steps with the round's Hessian factor, like `ChordRefit`,
/// but the variants share every pass over the features: one pass over the rows computes every
/// trial's score, residual and gradient contribution while the row is in cache, so a block of
/// trials streams the training matrix once per step instead of twice per trial (the refits are
/// bound by memory traffic; BLAS's matrix-matrix product, which copies the whole matrix into
/// its packed layout on every call, was slower still). A variant that has not converged after
/// `maxSteps`, or whose gradient stops shrinking, is finished by the learner's Newton method,
/// so every result meets the learner's tolerance. A trial leaves the shared pass once it is
/// finished. Results do not depend on `threads` or on the blocks (at most `blockSize` trials,
/// at least one block per thread): each trial's arithmetic is its own, in the same order.
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
        // At least one block per thread (a shortlist of 10 on 2 threads: 5 + 5, not 8 + 2);
        // a trial's result does not depend on the block it shares.
        let count = min(rows.count, max((rows.count + blockSize - 1) / blockSize, threads))
        let blocks = (0..<count).map { b in Array(rows[(b * rows.count / count)..<((b + 1) * rows.count / count)]) }
        return try ParallelMap.map(blocks, threads: threads) { try fitBlock($0) }.flatMap { $0 }
    }

    private func fitBlock(_ rows: [Int]) throws -> [Trial] {
        let learner = context.learner
        let x = context.instance.train.features
        let n = x.rows, d = x.columns, t = rows.count
        let C = learner.C
        let scale = C * Double(n)
        var theta = [Double](repeating: 0, count: t * d)  // trial j's parameters at j * d
        for j in 0..<t { for r in 0..<d { theta[j * d + r] = start[r] } }
        var lastGood = theta
        var previous = [Double](repeating: .infinity, count: t)
        var active = [Bool](repeating: true, count: t)
        var steps = [Int](repeating: 0, count: t)
        var done: [Trial?] = Array(repeating: nil, count: t)
        var fallback: [Int] = []
        var scores = [Double](repeating: 0, count: n * t)  // row i, trial j at i * t + j
        var gradient = [Double](repeating: 0, count: t * d)
        // The toggled label of each trial: its row and the change of its label.
        let toggled = rows.map { (row: $0, change: 1 - 2 * labels[$0]) }
        while active.contains(true) {
            // One pass over the rows: every trial's score, residual and gradient together.
            for k in gradient.indices { gradient[k] = 0 }
            // Trials that converged or fell back leave the pass.
            let live = (0..<t).filter { active[$0] }
            x.storage.withUnsafeBufferPointer { xs in
                theta.withUnsafeBufferPointer { th in
                    scores.withUnsafeMutableBufferPointer { sc in
                        gradient.withUnsafeMutableBufferPointer { g in
                            labels.withUnsafeBufferPointer { y in
                                for i in 0..<n {
                                    let row = xs.baseAddress! + i * d
                                    for j in live {
                                        let w = th.baseAddress! + j * d
                                        // Four partial sums: independent chains the processor can overlap.
                                        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                                        var r = 0
                                        while r + 4 <= d {
                                            s0 += row[r] * w[r]
                                            s1 += row[r + 1] * w[r + 1]
                                            s2 += row[r + 2] * w[r + 2]
                                            s3 += row[r + 3] * w[r + 3]
                                            r += 4
                                        }
                                        var s = (s0 + s1) + (s2 + s3)
                                        while r < d { s += row[r] * w[r]; r += 1 }
                                        sc[i * t + j] = s
                                        let residual = C * (Logistic.sigmoid(s) - y[i])
                                        let gj = g.baseAddress! + j * d
                                        for r in 0..<d { gj[r] += residual * row[r] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            var stepColumns: [Int] = []
            for j in 0..<t where active[j] {
                // The toggled row's label is 1 - y: its residual moves by -C (1 - 2y).
                let (row, change) = toggled[j]
                var norm = 0.0
                for r in 0..<d {
                    gradient[j * d + r] -= C * change * x[row, r]
                    if r < d - 1 { gradient[j * d + r] += theta[j * d + r] }
                    norm = max(norm, abs(gradient[j * d + r]))
                }
                norm /= scale
                guard norm.isFinite, norm < previous[j] else {
                    for r in 0..<d { theta[j * d + r] = lastGood[j * d + r] }
                    active[j] = false
                    fallback.append(j)
                    continue
                }
                for r in 0..<d { lastGood[j * d + r] = theta[j * d + r] }
                if norm <= learner.tolerance {
                    let s = (0..<n).map { scores[$0 * t + j] }
                    var y = labels
                    y[row] = 1 - y[row]
                    let parameters = Array(theta[(j * d)..<((j + 1) * d)])
                    let objective = learner.objective(scores: s, labels: y, weights: [Double](repeating: 1, count: n),
                                                      parameters: parameters)
                    var cost = ChordRefit.Cost()
                    cost.chordSteps = steps[j]
                    done[j] = Trial(row: row, model: FittedModel(parameters: parameters, iterations: 0, gradientNorm: norm,
                                                                 objective: objective, converged: true),
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
                let step = factor.solve(Array(gradient[(j * d)..<((j + 1) * d)]))
                for r in 0..<d { theta[j * d + r] -= step[r] }
                steps[j] += 1
            }
        }
        for j in fallback {
            var y = labels
            y[rows[j]] = 1 - y[rows[j]]
            let model = try context.refitFirmModel(labels: y, from: Array(theta[(j * d)..<((j + 1) * d)]))
            var cost = ChordRefit.Cost()
            cost.chordSteps = steps[j]
            cost.newtonIterations = model.iterations
            cost.fallbacks = 1
            done[j] = Trial(row: rows[j], model: model, scores: model.scores(x), cost: cost)
        }
        return done.map { $0! }
    }
}
