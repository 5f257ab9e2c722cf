import FairflipFairness
import FairflipLinearAlgebra

/// One linearised planning problem: the data a formulation (hard or soft) turns into a MIP.
///
/// Decision variables are the final flip states `x` of the candidates; the linear model of the
/// retrained parameters is `θ ≈ θ_P + U t` with toggles `t_i = c_i + (1 - 2 c_i) x_i` around the
/// current plan `c` (all zero on the first solve).
struct LinearisedProblem: Sendable {
    /// What the MIP optimises.
    enum Goal: Sendable, Equatable {
        /// Minimise the metric under the budget.
        case lowestMetric
        /// Minimise the number of flips subject to metric ≤ target.
        case fewestFlips(target: Double)
    }

    let response: LinearResponse
    let planning: PlanningSet
    /// Planning rows' scores under the linearisation point, minus the row's prediction threshold
    /// (0, or `±margin` for the margin objective: see `withMargin`). A row counts as predicted
    /// favourable exactly when its (shifted) score is `> 0`.
    private(set) var scores: [Double]
    /// The score margin δ of the margin objective (0: the exact objective, predictions `score > 0`).
    private(set) var margin: Double = 0
    let metric: FairnessMetric
    let goal: Goal
    /// At most this many flips in the final state.
    let budget: Int
    /// At most this many toggles from the current state (the trust region; `budget` on the first solve).
    let toggleLimit: Int
    /// At most this many misclassified planning rows (against the true labels), if capped.
    let errorCap: Int?
    let gapWeights: GapWeights

    init(response: LinearResponse, planning: PlanningSet, metric: FairnessMetric, goal: Goal,
         budget: Int, toggleLimit: Int, errorCap: Int?) throws {
        self.response = response
        self.planning = planning
        scores = response.model.scores(planning.features)
        self.metric = metric
        self.goal = goal
        self.budget = budget
        self.toggleLimit = toggleLimit
        self.errorCap = errorCap
        gapWeights = try GapWeights(truth: planning.truth, groups: planning.groups, metric: metric)
    }

    /// The margin objective (issue 10): a prediction only counts as changed from its reference
    /// prediction `p_j` when the linear score moves past the margin on the other side of 0.
    ///
    /// Precisely, with the linear score `s'_j = s_j + x_j · Δθ`, the model counts row `j` as
    /// predicted favourable iff `s'_j > h_j`, where `h_j = -δ` if `p_j` (reference-favourable: it
    /// counts as unfavourable only once `s'_j ≤ -δ`) and `h_j = +δ` otherwise (it counts as
    /// favourable only once `s'_j > δ`). So a row whose reference score lies within δ of 0 keeps its
    /// reference prediction until it is pushed past the margin on the other side, and changes the
    /// plan cannot move confidently are not credited. With δ = 0 this is the exact objective.
    /// The reference is normally the firm's model with no flips; the retrained evaluation of a
    /// plan is always exact (`score > 0`).
    ///
    /// Implemented by shifting the scores by `h_j`: every consumer of `scores`, `linearScores`
    /// and `linearAudit` (reach, hard formulation, local search) then models the margin objective.
    func withMargin(_ delta: Double, reference: [Bool]) -> LinearisedProblem {
        precondition(reference.count == scores.count, "one reference prediction per planning row")
        precondition(margin == 0, "the margin is applied once")
        var copy = self
        guard delta > 0 else { return copy }
        copy.margin = delta
        for j in copy.scores.indices { copy.scores[j] -= reference[j] ? -delta : delta }
        return copy
    }

    var candidateCount: Int { response.count }
    var state: [Bool] { response.state }

    /// Whether `x` respects the budget and the trust region.
    func withinLimits(_ x: [Bool]) -> Bool {
        x.filter { $0 }.count <= budget && zip(state, x).filter { $0 != $1 }.count <= toggleLimit
    }

    /// Planning rows' scores after the plan `x`, by the linear model.
    func linearScores(_ x: [Bool]) -> [Double] {
        let dtheta = response.parameterChange(to: x)
        var s = scores
        BLAS.gemv(planning.features, dtheta, alpha: 1, beta: 1, into: &s)
        return s
    }

    /// The hard linear model's verdict on a plan: predictions `score > 0` on the planning rows
    /// (shifted scores with a margin: see `withMargin`), audited.
    func linearAudit(_ x: [Bool]) -> FairnessAudit {
        FairnessAudit(truth: planning.truth, predictions: linearScores(x).map { $0 > 0 }, groups: planning.groups)
    }

    /// Misclassified planning rows of an audit.
    static func errors(_ audit: FairnessAudit) -> Int { audit.overall.errors }
}
