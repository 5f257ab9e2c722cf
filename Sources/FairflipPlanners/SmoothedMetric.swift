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
/// four cells' (group x true label) rates are the means of `q`, and the metric is the usual
/// combination of gaps with `|x|` smoothed as `sqrt(x^2 + delta^2)` (and `max(a, b)` as
/// `(a + b + sqrt((a - b)^2 + delta^2)) / 2` for `eqodds-max`). As `tau, delta -> 0` it tends
/// to the real metric. Cells use the rows' true labels, never flipped ones.
public struct SmoothedMetric: Sendable {
    /// The metric being smoothed.
    public let metric: FairnessMetric
    /// Temperature `tau` of the smoothed rates, in score units.
    public let temperature: Double
    /// Smoothing `delta` of the absolute value, in rate units.
    public let smoothing: Double
    /// Each training row's cell (0: minority positive, 1: minority negative, 2: majority positive,
    /// 3: majority negative), or -1 for rows in neither group.
    public let cells: [Int]
    /// Rows per cell.
    public let counts: [Int]

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
        var cells = [Int](repeating: -1, count: truth.count)
        var counts = [0, 0, 0, 0]
        for j in truth.indices {
            let base: Int
            switch groups[j] {
            case .minority: base = 0
            case .majority: base = 2
            case .other: continue
            }
            cells[j] = base + (truth[j] ? 0 : 1)
            counts[cells[j]] += 1
        }
        self.cells = cells
        self.counts = counts
    }

    /// The smoothed metric as a function of the four cell rates, and its gradient with respect to them.
    public func value(rates r: [Double]) -> (value: Double, gradient: [Double]) {
        let d2 = smoothing * smoothing
        func sabs(_ x: Double) -> (Double, Double) { let s = (x * x + d2).squareRoot(); return (s, x / s) }
        let (tpr, fpr) = (r[0] - r[2], r[1] - r[3])
        switch metric {
        case .eqodds:
            let (a, da) = sabs(tpr), (b, db) = sabs(fpr)
            return (0.5 * (a + b), [0.5 * da, 0.5 * db, -0.5 * da, -0.5 * db])
        case .eqopp:
            let (a, da) = sabs(tpr)
            return (a, [da, 0, -da, 0])
        case .eqoddsMax:
            let (a, da) = sabs(tpr), (b, db) = sabs(fpr)
            let (m, dm) = sabs(a - b)
            let ga = 0.5 * (1 + dm), gb = 0.5 * (1 - dm)
            return (0.5 * (a + b + m), [ga * da, gb * db, -ga * da, -gb * db])
        case .dp:
            let nMin = Double(counts[0] + counts[1]), nMaj = Double(counts[2] + counts[3])
            let wMin = nMin > 0 ? [Double(counts[0]) / nMin, Double(counts[1]) / nMin] : [0, 0]
            let wMaj = nMaj > 0 ? [Double(counts[2]) / nMaj, Double(counts[3]) / nMaj] : [0, 0]
            let gap = wMin[0] * r[0] + wMin[1] * r[1] - wMaj[0] * r[2] - wMaj[1] * r[3]
            let (a, da) = sabs(gap)
            return (a, [da * wMin[0], da * wMin[1], -da * wMaj[0], -da * wMaj[1]])
        }
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
