import FairflipLinearAlgebra

/// The firm's classifier after training: parameters and how the fit went.
public struct FittedModel: Sendable {
    /// Coefficients, the intercept last (it pairs with the constant feature).
    public var parameters: [Double]
    /// Newton iterations used.
    public var iterations: Int
    /// The largest absolute gradient entry at the solution, on scikit-learn's scale
    /// (the gradient of the objective divided by `C * sum(weights)`).
    public var gradientNorm: Double
    /// The objective `C * sum w_i loss_i + 0.5 * |coef|^2` at the solution.
    public var objective: Double
    /// Whether the gradient tolerance was met within the iteration limit: always true for a
    /// model `LogisticRegression.fit` returns (it throws otherwise); reports print it.
    public var converged: Bool

    public init(parameters: [Double], iterations: Int, gradientNorm: Double, objective: Double, converged: Bool) {
        self.parameters = parameters
        self.iterations = iterations
        self.gradientNorm = gradientNorm
        self.objective = objective
        self.converged = converged
    }

    /// Coefficients without the intercept.
    public var coefficients: [Double] { Array(parameters.dropLast()) }
    /// The intercept.
    public var intercept: Double { parameters.last ?? 0 }

    /// Decision scores `x · theta` of every row.
    public func scores(_ features: Matrix) -> [Double] {
        BLAS.product(features, parameters)
    }

    /// Predicted labels: favourable iff the score is positive (scikit-learn's `predict`).
    public func predictions(_ features: Matrix) -> [Bool] {
        scores(features).map { $0 > 0 }
    }

    /// Probabilities of the favourable label.
    public func probabilities(_ features: Matrix) -> [Double] {
        scores(features).map(Logistic.sigmoid)
    }
}
