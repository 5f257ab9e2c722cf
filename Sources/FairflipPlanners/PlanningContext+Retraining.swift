import FairflipLearning
import FairflipLinearAlgebra

/// The one way planners retrain the firm's model and factor its Hessian: the MIP's evaluation
/// of its plans, greedy's and gradient's trial refits (`ChordRefit` finishes with it) and the
/// final `PlanEvaluation` all go through here, so they fit the same model the same way and
/// fail with the same words.
extension PlanningContext {
    /// Retrains the firm's model on `labels`, warm-started at `start`.
    /// - Throws: `PlanningError` when the fit fails or does not converge (never a result).
    public func refitFirmModel(labels: [Double], from start: [Double]) throws -> FittedModel {
        let model: FittedModel
        do {
            model = try learner.fit(instance.train.features, labels: labels, warmStart: start)
        } catch {
            throw PlanningError("retraining failed: \(error)")
        }
        guard model.converged else {
            throw PlanningError("retraining did not converge: gradient \(model.gradientNorm) after "
                                + "\(model.iterations) Newton iterations (tolerance \(learner.tolerance))")
        }
        return model
    }

    /// Retrains with the given training rows' labels flipped, warm-started at the base model.
    public func retrain(flipping rows: [Int]) throws -> FittedModel {
        try refitFirmModel(labels: labels(flipping: rows), from: baseModel.parameters)
    }

    /// The Cholesky factor of the Hessian of the firm's objective at `parameters` (the Hessian
    /// does not depend on the labels): what every influence solve and chord refit reuses.
    public func hessianFactor(at parameters: [Double]) throws -> Cholesky {
        let x = instance.train.features
        do {
            return try Cholesky(learner.hessian(x, scores: BLAS.product(x, parameters)))
        } catch {
            throw PlanningError("the Hessian of the retrained model is not positive definite (\(error)); "
                                + "check for constant or collinear features")
        }
    }

    /// The influence columns `u_i = −H⁻¹Δg_i` of toggling `rows` from `labels`, at a model fitted
    /// on `labels` with Hessian factor `factor`.
    public func influence(of rows: [Int], labels: [Double], factor: Cholesky) -> InfluenceColumns {
        InfluenceColumns(features: instance.train.features, labels: labels, rows: rows, C: learner.C, factor: factor)
    }
}
