import FairflipLearning
import FairflipLinearAlgebra

/// Retraining after a small label change by chord iterations: Newton steps that keep reusing
/// the Hessian factor of a nearby fit instead of forming a new Hessian.
///
/// The Hessian does not depend on the labels, so after toggling one label (or nudging soft
/// labels) the old factor is close to the new fit's: the chord iteration
/// `theta <- theta - H_old^{-1} grad F(theta)` converges linearly and fast, and each step costs
/// two matrix-vector products (O(n d)) instead of a Hessian (O(n d^2)) and a factorisation.
/// The first step from the old optimum is exactly the influence step `theta + u`. If the
/// gradient stops shrinking, or the step limit is reached, the learner's own Newton method
/// finishes from where the chord got to, so the result always meets the learner's tolerance.
public struct ChordRefit: Sendable {
    public let context: PlanningContext
    /// Chord steps before falling back to Newton.
    public var maxSteps: Int

    public init(context: PlanningContext, maxSteps: Int = 12) {
        self.context = context
        self.maxSteps = maxSteps
    }

    /// What a refit cost.
    public struct Cost: Sendable {
        /// Chord steps taken (each one gradient, O(n d)).
        public var chordSteps = 0
        /// Newton iterations of fallbacks (each one Hessian, O(n d^2)).
        public var newtonIterations = 0
        /// Refits the chord could not finish.
        public var fallbacks = 0

        public init() {}

        public static func += (a: inout Cost, b: Cost) {
            a.chordSteps += b.chordSteps
            a.newtonIterations += b.newtonIterations
            a.fallbacks += b.fallbacks
        }
    }

    /// Fits the firm's model on `labels`, starting at `start` and stepping with `factor`.
    public func fit(labels: [Double], start: [Double], factor: Cholesky) throws -> (model: FittedModel, cost: Cost) {
        let learner = context.learner
        let x = context.instance.train.features
        let n = x.rows
        let weights = [Double](repeating: 1, count: n)
        let scale = learner.C * Double(n)
        var theta = start
        var cost = Cost()
        var previous = Double.infinity
        var lastGood = theta
        for _ in 0...maxSteps {
            let scores = BLAS.product(x, theta)
            let g = learner.gradient(x, scores: scores, labels: labels, weights: weights, parameters: theta)
            let norm = (g.map(abs).max() ?? 0) / scale
            guard norm.isFinite, norm < previous else { theta = lastGood; break }
            lastGood = theta
            if norm <= learner.tolerance {
                let objective = learner.objective(scores: scores, labels: labels, weights: weights, parameters: theta)
                return (FittedModel(parameters: theta, iterations: 0, gradientNorm: norm, objective: objective, converged: true), cost)
            }
            if cost.chordSteps == maxSteps { break }
            previous = norm
            let step = factor.solve(g)
            for j in theta.indices { theta[j] -= step[j] }
            cost.chordSteps += 1
        }
        cost.fallbacks += 1
        let model = try context.refitFirmModel(labels: labels, from: theta)
        cost.newtonIterations += model.iterations
        return (model, cost)
    }
}
