import FairflipLearning
import FairflipLinearAlgebra
import Testing

/// A fit that stops short of the tolerance is an error, never a model.
@Suite("Convergence")
struct ConvergenceTests {
    /// Separable rows: x < 0 unfavourable, x > 0 favourable; the constant 1 last.
    static let x = Matrix(rows: 6, columns: 2, storage: [-3, 1, -2, 1, -1, 1, 1, 1, 2, 1, 3, 1])
    static let y: [Double] = [0, 0, 0, 1, 1, 1]

    @Test func aFitCutShortThrowsInsteadOfReturningAModel() throws {
        let learner = LogisticRegression(C: 1, maxIterations: 1)
        #expect {
            _ = try learner.fit(Self.x, labels: Self.y)
        } throws: { error in
            guard case .notConverged(let iterations, let gradient, let tolerance) = error as? LogisticRegression.Failure
            else { return false }
            return iterations == 1 && gradient > tolerance
        }
    }

    @Test func theSameFitWithRoomToConvergeReturnsAConvergedModel() throws {
        let model = try LogisticRegression(C: 1).fit(Self.x, labels: Self.y)
        #expect(model.converged && model.gradientNorm <= 1e-10)
        #expect(model.predictions(Self.x) == Self.y.map { $0 == 1 })
    }

    @Test func theFailureSaysWhatHappened() {
        let text = LogisticRegression.Failure.notConverged(iterations: 100, gradientNorm: 0.5, tolerance: 1e-10).description
        #expect(text.contains("did not converge") && text.contains("100 Newton iterations"))
    }
}
