import FairflipData
import FairflipFairness
import FairflipLearning
import FairflipLinearAlgebra

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// A differentiable stand-in for a fairness metric, for planners that need gradients or
/// first-order predictions (gradient, greedy-surrogate, greedy-retrain's screening).
///
/// A row's prediction `[s > 0]` is replaced by the smoothed rate `q = sigmoid(s / tau)`, the
/// four cells' (group x true label) rates are the means of `q`, each gap is its linear function
/// of the cell rates (`Gap.cellCoefficients`), and the metric is its formula's smoothed form
/// (`MetricFormula.smoothedValue`). As `tau, delta -> 0` it tends to the real metric. Cells use
/// the rows' true labels, never flipped ones.
public struct SmoothedMetric: Sendable {
    /// The metric being smoothed.
    public let metric: FairnessMetric
    /// Temperature `tau` of the smoothed rates, in score units.
    public let temperature: Double
    /// Smoothing `delta` of the absolute value, in rate units.
    public let smoothing: Double
    /// Each training row's cell (index into `CellCounts.cells`), or -1 for rows in neither group.
    public let cells: [Int]
    /// Rows per cell.
    public let counts: [Int]
    /// Each gap as a linear function of the four cell rates.
    private let coefficients: PerGap<[Double]>

    /// The smoothed metric of `context`'s metric on its training split.
    public init(context: PlanningContext, temperature: Double = 0.1, smoothing: Double = 1e-3) {
        self.init(metric: context.metric, truth: context.instance.train.truth, groups: context.instance.train.groups,
                  temperature: temperature, smoothing: smoothing)
    }

    /// The smoothed `metric` on rows with these true labels and groups.
    public init(metric: FairnessMetric, truth: [Bool], groups: [Group], temperature: Double = 0.1, smoothing: Double = 1e-3) {
        precondition(temperature > 0 && smoothing > 0, "temperature and smoothing must be positive")
        self.metric = metric
        self.temperature = temperature
        self.smoothing = smoothing
        let counts = CellCounts(truth: truth, groups: groups)
        cells = zip(groups, truth).map { CellCounts.index($0, truth: $1) ?? -1 }
        self.counts = counts.counts
        coefficients = PerGap { $0.cellCoefficients(counts: counts) }
    }

    /// The smoothed metric as a function of the four cell rates, and its gradient with respect to them.
    public func value(rates r: [Double]) -> (value: Double, gradient: [Double]) {
        var gaps = GapValues.zero
        for gap in metric.gaps {
            var g = 0.0
            for c in 0..<4 { g += coefficients[gap][c] * r[c] }
            gaps[gap] = g
        }
        let (value, dGap) = metric.formula.smoothedValue(gaps, smoothing: smoothing)
        let gradient = (0..<4).map { c in metric.gaps.reduce(0.0) { $0 + dGap[$1] * coefficients[$1][c] } }
        return (value, gradient)
    }

    /// The smoothed metric at some decision scores, with what its derivatives need.
    public struct Evaluation: Sendable {
        /// The smoothed metric.
        public var value: Double
        /// The four smoothed cell rates.
        public var rates: [Double]
        /// d value / d rate, per cell.
        public var rateGradient: [Double]
        /// d rate_c / d s_j, an n x 4 matrix (row j nonzero only in j's cell).
        public var rateJacobian: Matrix
        /// d value / d s_j for every row.
        public var scoreGradient: [Double]
    }

    /// The smoothed metric alone at decision scores `s` (one per training row): `evaluate`'s
    /// value without its derivatives, for ranking many trials.
    public func value(scores s: [Double]) -> Double {
        precondition(s.count == cells.count, "one score per training row")
        var sums = [0.0, 0.0, 0.0, 0.0]
        for j in s.indices where cells[j] >= 0 { sums[cells[j]] += Logistic.sigmoid(s[j] / temperature) }
        return value(rates: (0..<4).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 0 }).value
    }

    /// Evaluates the smoothed metric at decision scores `s` (one per training row).
    public func evaluate(scores s: [Double]) -> Evaluation {
        precondition(s.count == cells.count, "one score per training row")
        var sums = [0.0, 0.0, 0.0, 0.0]
        var jacobian = Matrix(rows: s.count, columns: 4)
        for j in s.indices where cells[j] >= 0 {
            let c = cells[j]
            let q = Logistic.sigmoid(s[j] / temperature)
            sums[c] += q
            jacobian[j, c] = q * (1 - q) / (temperature * Double(counts[c]))
        }
        let rates = (0..<4).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 0 }
        let (value, g) = self.value(rates: rates)
        let scoreGradient = BLAS.product(jacobian, g)
        return Evaluation(value: value, rates: rates, rateGradient: g, rateJacobian: jacobian, scoreGradient: scoreGradient)
    }
}

extension SmoothedMetric.Evaluation {
    /// d value / d theta = X' (d value / d s): the direction the gradient method follows.
    public func parameterGradient(_ features: Matrix) -> [Double] {
        BLAS.product(features, scoreGradient, transpose: true)
    }

    /// d rate_c / d theta for each cell, a d x 4 matrix (`v_c` of the formulation).
    public func rateSensitivities(_ features: Matrix) -> Matrix {
        BLAS.product(features, rateJacobian, transposeA: true)
    }
}
