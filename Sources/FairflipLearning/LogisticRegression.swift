import FairflipLinearAlgebra

/// L2-regularised logistic regression with scikit-learn's objective, fitted by Newton's method.
///
/// Minimises `C * sum_i w_i * logloss(y_i, x_i · theta) + 0.5 * |theta without intercept|^2`,
/// the objective of scikit-learn's `LogisticRegression(penalty="l2", C=C)`. Labels may be soft
/// (any value in [0, 1]), which the planners use for relaxed flips. The last feature column
/// must be the constant 1 (the unpenalised intercept).
///
/// Each iteration builds the Hessian `C X' diag(w p (1 - p)) X + R` with one BLAS `syrk`,
/// factors it with LAPACK's Cholesky, and takes the Newton step with a backtracking line search.
/// The Hessian does not depend on the labels, which is what makes flip planning linearisable.
public struct LogisticRegression: Sendable {
    /// Inverse regularisation strength (scikit-learn's `C`).
    public var C: Double
    /// Stop when the largest absolute gradient entry, divided by `C * sum(w)`, is at most this
    /// (scikit-learn's `tol` for `newton-cholesky`).
    public var tolerance: Double
    /// Newton iterations at most.
    public var maxIterations: Int

    public init(C: Double = 1.0, tolerance: Double = 1e-10, maxIterations: Int = 100) {
        precondition(C > 0, "C must be positive")
        self.C = C
        self.tolerance = tolerance
        self.maxIterations = maxIterations
    }

    /// Why a fit failed. A fit that stops short of the tolerance is a failure too: a model
    /// that did not converge is never a result.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case emptyData
        case hessianNotPositiveDefinite
        case nonFinite
        /// The gradient was still above the tolerance after `iterations` Newton iterations.
        case notConverged(iterations: Int, gradientNorm: Double, tolerance: Double)

        public var description: String {
            switch self {
            case .emptyData: return "cannot fit a model on no rows"
            case .hessianNotPositiveDefinite: return "the Hessian is not positive definite"
            case .nonFinite: return "the fit produced non-finite values (check for extreme feature values)"
            case .notConverged(let iterations, let gradientNorm, let tolerance):
                return "the fit did not converge: gradient \(gradientNorm) after \(iterations) Newton iterations "
                    + "(tolerance \(tolerance))"
            }
        }
    }

    /// Fits the model; throws unless it converges (`Failure.notConverged`).
    ///
    /// - Parameters:
    ///   - features: encoded rows, the constant 1 last.
    ///   - labels: labels in [0, 1].
    ///   - weights: sample weights (default: all 1).
    ///   - warmStart: parameters to start from (default: zeros); a nearby solution makes refits cheap.
    public func fit(
        _ features: Matrix, labels: [Double], weights: [Double]? = nil, warmStart: [Double]? = nil
    ) throws(Failure) -> FittedModel {
        let n = features.rows, d = features.columns
        guard n > 0, d > 0 else { throw .emptyData }
        precondition(labels.count == n, "one label per row")
        let w = weights ?? [Double](repeating: 1, count: n)
        precondition(w.count == n, "one weight per row")
        let scale = C * w.reduce(0, +)
        var theta = warmStart ?? [Double](repeating: 0, count: d)
        precondition(theta.count == d, "warm start has the wrong length")

        var scores = BLAS.product(features, theta)
        var f = objective(scores: scores, labels: labels, weights: w, parameters: theta)
        var iterations = 0
        var g = gradient(features, scores: scores, labels: labels, weights: w, parameters: theta)
        var gNorm = g.map(abs).max()! / scale
        var roundOffConverged = false
        // The objective is a sum of n losses: its rounding error grows like sqrt(n) ulps of |f|
        // (a random walk of the terms' errors), so a promised decrease below this cannot be
        // checked by comparing objective values. 64 ulps alone was too tight on 42,000 rows: the
        // line search then took noise-accepted steps of t ~ 1e-10 until the iteration limit
        // (dutch, gradient stuck at 1.9e-8 against the 1e-10 tolerance).
        let roundOff = 64 * Double.ulpOfOne * Double(n).squareRoot()
        while gNorm > tolerance && iterations < maxIterations {
            iterations += 1
            let factor: Cholesky
            do { factor = try Cholesky(hessian(features, scores: scores, weights: w)) } catch {
                throw .hessianNotPositiveDefinite
            }
            let step = factor.solve(g).map { -$0 }
            let slope = BLAS.dot(g, step)
            // Half the Newton decrement is the decrease a full step promises. Once it is at the
            // objective's round-off level the line search cannot judge steps; take full Newton
            // steps for as long as they lower the gradient, then stop.
            if -0.5 * slope <= roundOff * abs(f) {
                let candidate = zip(theta, step).map { $0 + $1 }
                let candidateScores = BLAS.product(features, candidate)
                let gc = gradient(features, scores: candidateScores, labels: labels, weights: w, parameters: candidate)
                let gcNorm = gc.map(abs).max()! / scale
                guard gcNorm < gNorm else {
                    roundOffConverged = true
                    break
                }
                theta = candidate
                scores = candidateScores
                f = objective(scores: scores, labels: labels, weights: w, parameters: theta)
                g = gc
                gNorm = gcNorm
                continue
            }
            var t = 1.0
            var accepted = false
            var candidate = theta, candidateScores = scores, candidateF = f
            let direction = BLAS.product(features, step)
            for _ in 0..<40 {
                for j in 0..<d { candidate[j] = theta[j] + t * step[j] }
                for i in 0..<n { candidateScores[i] = scores[i] + t * direction[i] }
                candidateF = objective(scores: candidateScores, labels: labels, weights: w, parameters: candidate)
                if candidateF <= f + 1e-4 * t * slope { accepted = true; break }
                t *= 0.5
            }
            if !accepted {
                // At round-off level the objective cannot tell steps apart; a full Newton
                // step that lowers the gradient is still progress.
                for j in 0..<d { candidate[j] = theta[j] + step[j] }
                candidateScores = BLAS.product(features, candidate)
                candidateF = objective(scores: candidateScores, labels: labels, weights: w, parameters: candidate)
                let gc = gradient(features, scores: candidateScores, labels: labels, weights: w, parameters: candidate)
                guard gc.map(abs).max()! / scale < gNorm else { break }
            }
            theta = candidate
            scores = candidateScores
            f = candidateF
            g = gradient(features, scores: scores, labels: labels, weights: w, parameters: theta)
            gNorm = g.map(abs).max()! / scale
            guard gNorm.isFinite, f.isFinite else { throw .nonFinite }
        }
        guard f.isFinite, gNorm.isFinite else { throw .nonFinite }
        guard gNorm <= tolerance || roundOffConverged else {
            throw .notConverged(iterations: iterations, gradientNorm: gNorm, tolerance: tolerance)
        }
        return FittedModel(parameters: theta, iterations: iterations, gradientNorm: gNorm, objective: f, converged: true)
    }

    /// The objective at given scores and parameters.
    public func objective(scores: [Double], labels: [Double], weights: [Double], parameters: [Double]) -> Double {
        var loss = 0.0
        for i in scores.indices { loss += weights[i] * Logistic.loss(label: labels[i], score: scores[i]) }
        var penalty = 0.0
        for j in 0..<(parameters.count - 1) { penalty += parameters[j] * parameters[j] }
        return C * loss + 0.5 * penalty
    }

    /// The gradient `C X' (w (p - y)) + R theta`.
    public func gradient(
        _ features: Matrix, scores: [Double], labels: [Double], weights: [Double], parameters: [Double]
    ) -> [Double] {
        var residual = [Double](repeating: 0, count: scores.count)
        for i in scores.indices { residual[i] = C * weights[i] * (Logistic.sigmoid(scores[i]) - labels[i]) }
        var g = BLAS.product(features, residual, transpose: true)
        for j in 0..<(parameters.count - 1) { g[j] += parameters[j] }
        return g
    }

    /// The Hessian `C X' diag(w p (1 - p)) X + R` at the given scores. It does not depend on the labels.
    public func hessian(_ features: Matrix, scores: [Double], weights: [Double]? = nil) -> Matrix {
        let n = features.rows, d = features.columns
        // Scaled rows written straight into fresh storage: one pass over the features, no copy first.
        let storage = [Double](unsafeUninitializedCapacity: n * d) { z, initialized in
            features.storage.withUnsafeBufferPointer { x in
                for i in 0..<n {
                    let p = Logistic.sigmoid(scores[i])
                    let r = (C * (weights?[i] ?? 1) * p * (1 - p)).squareRoot()
                    let row = i * d
                    for j in 0..<d { z[row + j] = x[row + j] * r }
                }
            }
            initialized = n * d
        }
        var h = BLAS.gram(Matrix(rows: n, columns: d, storage: storage))
        for j in 0..<(d - 1) { h[j, j] += 1 }
        return h
    }

    /// The Hessian of a fitted model, factored: what the planners reuse for every influence solve.
    public func hessianFactor(_ features: Matrix, model: FittedModel, weights: [Double]? = nil) throws(Failure) -> Cholesky {
        do { return try Cholesky(hessian(features, scores: model.scores(features), weights: weights)) } catch {
            throw .hessianNotPositiveDefinite
        }
    }
}
