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
    /// Planning rows' scores under the linearisation point.
    let scores: [Double]
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

    /// The hard linear model's verdict on a plan: predictions `score > 0` on the planning rows, audited.
    func linearAudit(_ x: [Bool]) -> FairnessAudit {
        FairnessAudit(truth: planning.truth, predictions: linearScores(x).map { $0 > 0 }, groups: planning.groups)
    }

    /// Misclassified planning rows of an audit.
    static func errors(_ audit: FairnessAudit) -> Int { audit.overall.errors }
}
