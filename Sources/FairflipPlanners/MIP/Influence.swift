import FairflipLearning
import FairflipLinearAlgebra

/// How the firm's retrained parameters respond, to first order, to toggling each candidate's
/// label around a current plan (formulation.md, "One flip, one Newton step").
///
/// Column `i` of `columns` is `u_i = -H^{-1} Δg_i` with `Δg_i = C w_i (2 y_i - 1) x_i` at the
/// current labels `y`, so toggles `t` move the parameters by `Δθ ≈ U t`. The columns are the
/// candidates' `InfluenceColumns` (one multi-right-hand-side Cholesky solve, the one influence
/// computation every planner uses); the `n × m` score-change matrix is never formed.
public struct LinearResponse: Sendable {
    /// Training-row indices of the candidates, one per column, ascending.
    public let candidates: [Int]
    /// The current plan: whether each candidate's label is flipped now.
    public let state: [Bool]
    /// The model retrained with the current plan applied (the linearisation point).
    public let model: FittedModel
    /// `d × m`: the parameter change when each candidate toggles.
    public let columns: Matrix

    /// Linearises at `model`, which must be the optimum for the labels with `state` applied.
    public init(context: PlanningContext, state: [Bool], model: FittedModel) throws {
        precondition(state.count == context.candidates.count, "one state per candidate")
        candidates = context.candidates
        self.state = state
        self.model = model
        let labels = context.labels(flipping: Self.flippedRows(candidates: candidates, state: state))
        let factor = try context.hessianFactor(at: model.parameters)
        columns = context.influence(of: candidates, labels: labels, factor: factor).columns
    }

    /// Number of candidates (columns).
    public var count: Int { candidates.count }

    /// Training rows flipped in a state.
    public static func flippedRows(candidates: [Int], state: [Bool]) -> [Int] {
        zip(candidates, state).filter { $0.1 }.map { $0.0 }
    }

    /// Toggles `t_i = c_i + (1 - 2 c_i) x_i` that turn the current state into `final`.
    public func toggles(to final: [Bool]) -> [Double] {
        zip(state, final).map { $0 != $1 ? 1 : 0 }
    }

    /// `Δθ = U t` for the toggles that reach `final`.
    public func parameterChange(to final: [Bool]) -> [Double] {
        BLAS.product(columns, toggles(to: final))
    }
}
