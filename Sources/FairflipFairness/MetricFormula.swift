/// How a fairness metric combines absolute gaps: the one definition that the exact audit, the
/// MIP's linear encoding and the smoothed (differentiable) form all interpret.
public struct MetricFormula: Sendable, Equatable {
    /// How the absolute gaps combine.
    public enum Combination: Sendable, Equatable {
        /// `Σ_g weight_g · |gap_g|`, one weight per gap.
        case weightedSum([Double])
        /// `max_g |gap_g|`.
        case maximum
    }

    /// The gaps the metric reads, in a fixed order (MIP rows and columns follow it).
    public let gaps: [Gap]
    /// How their absolute values combine.
    public let combination: Combination

    /// A formula over `gaps`; a weighted sum needs one weight per gap.
    public init(gaps: [Gap], combination: Combination) {
        precondition(!gaps.isEmpty, "a metric reads at least one gap")
        if case .weightedSum(let w) = combination { precondition(w.count == gaps.count, "one weight per gap") }
        self.gaps = gaps
        self.combination = combination
    }

    /// `|gap|`.
    public static func absolute(_ gap: Gap) -> MetricFormula { MetricFormula(gaps: [gap], combination: .weightedSum([1])) }

    /// `(1/n) Σ |gap|` over `gaps`.
    public static func mean(_ gaps: [Gap]) -> MetricFormula {
        MetricFormula(gaps: gaps, combination: .weightedSum(gaps.map { _ in 1 / Double(gaps.count) }))
    }

    /// `max |gap|` over `gaps`.
    public static func maximum(_ gaps: [Gap]) -> MetricFormula { MetricFormula(gaps: gaps, combination: .maximum) }

    /// The metric's value from gap values (NaN when a gap it reads is NaN: undefined, never a
    /// maximum of the defined ones).
    public func value(_ g: GapValues) -> Double {
        if gaps.contains(where: { g[$0].isNaN }) { return .nan }
        switch combination {
        case .weightedSum(let weights):
            var total = 0.0
            for (gap, w) in zip(gaps, weights) { total += w * abs(g[gap]) }
            return total
        case .maximum:
            var best = abs(g[gaps[0]])
            for gap in gaps.dropFirst() { best = max(best, abs(g[gap])) }
            return best
        }
    }

    /// A one-line formula for help texts, such as `0.5 * (|dTPR| + |dFPR|)`.
    public var text: String {
        let terms = gaps.map { "|d\($0.rawValue.uppercased())|" }
        switch combination {
        case .maximum: return terms.count == 1 ? terms[0] : "max(\(terms.joined(separator: ", ")))"
        case .weightedSum(let w):
            if Set(w).count == 1, let common = w.first {
                let sum = terms.count == 1 ? terms[0] : "(\(terms.joined(separator: " + ")))"
                return common == 1 ? sum : "\(common) * \(sum)"
            }
            return zip(w, terms).map { "\($0) * \($1)" }.joined(separator: " + ")
        }
    }
}

// MARK: - The MIP's linear encoding

extension MetricFormula {
    /// One auxiliary MIP variable: bounds the absolute value of some gaps from both sides and
    /// enters the metric with a weight (formulation.md, "The hard formulation").
    public struct Auxiliary: Sendable, Equatable {
        /// Column name.
        public let name: String
        /// Weight in the metric.
        public let weight: Double
        /// The gaps it bounds, as indices into `gaps`.
        public let gapIndices: [Int]
    }

    /// The auxiliary variables: one per gap for a weighted sum (`abs_<gap>`), one bounding
    /// every gap for a maximum (`max_abs_gap`).
    public var auxiliaries: [Auxiliary] {
        switch combination {
        case .weightedSum(let weights):
            return gaps.indices.map { Auxiliary(name: "abs_\(gaps[$0].rawValue)", weight: weights[$0], gapIndices: [$0]) }
        case .maximum:
            return [Auxiliary(name: "max_abs_gap", weight: 1, gapIndices: Array(gaps.indices))]
        }
    }

    /// The auxiliary variables' tightest feasible values for given gaps.
    public func auxiliaryValues(_ g: GapValues) -> [Double] {
        auxiliaries.map { aux in aux.gapIndices.reduce(0.0) { max($0, abs(g[gaps[$1]])) } }
    }
}

// MARK: - The smoothed form

extension MetricFormula {
    /// The metric with `|x|` smoothed as `sqrt(x² + δ²)` and `max(a, b)` as
    /// `(a + b + sqrt((a − b)² + δ²)) / 2` (folded left over more gaps), and its derivative
    /// with respect to each gap. As `δ → 0` it tends to `value`.
    public func smoothedValue(_ g: GapValues, smoothing delta: Double) -> (value: Double, gradient: GapValues) {
        let d2 = delta * delta
        func sabs(_ x: Double) -> (Double, Double) { let s = (x * x + d2).squareRoot(); return (s, x / s) }
        var gradient = GapValues.zero
        switch combination {
        case .weightedSum(let weights):
            var total = 0.0
            for (gap, w) in zip(gaps, weights) {
                let (a, da) = sabs(g[gap])
                total += w * a
                gradient[gap] += w * da
            }
            return (total, gradient)
        case .maximum:
            let first = sabs(g[gaps[0]])
            var value = first.0
            // factors[i]: d value / d |gap_i| (smoothed), updated as the fold goes on.
            var factors = [1.0]
            var slopes = [first.1]
            for gap in gaps.dropFirst() {
                let (b, db) = sabs(g[gap])
                let (m, dm) = sabs(value - b)
                let ga = 0.5 * (1 + dm), gb = 0.5 * (1 - dm)
                value = 0.5 * (value + b + m)
                factors = factors.map { $0 * ga } + [gb]
                slopes.append(db)
            }
            for (i, gap) in gaps.enumerated() { gradient[gap] += factors[i] * slopes[i] }
            return (value, gradient)
        }
    }
}
