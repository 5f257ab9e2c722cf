/// A paired comparison of two methods over the same splits: method A's value minus method B's
/// on each split, their mean, a 95% confidence interval from the t distribution, and wins.
///
/// Pairing removes the split-to-split variance both methods share (a hard split is hard for
/// every method), which is what lets a handful of splits tell methods apart. "Lower is better"
/// (a fairness gap, an error): A wins a split when its value is strictly below B's.
public struct PairedComparison: Sendable, Equatable {
    /// What the interval says.
    public enum Verdict: String, Sendable {
        /// The whole interval is below 0: A is significantly lower (better).
        case better
        /// The whole interval is above 0: A is significantly higher (worse).
        case worse
        /// The interval contains 0 (or there are fewer than two pairs).
        case tied
    }

    /// Pairs compared.
    public let count: Int
    /// Mean of A − B.
    public let meanDifference: Double
    /// Sample standard deviation of A − B (0 for one pair).
    public let sdDifference: Double
    /// The 95% confidence interval of the mean difference (nil for fewer than two pairs).
    public let interval: ClosedRange<Double>?
    /// Splits where A < B, and where A > B.
    public let wins: Int
    public let losses: Int

    /// Compares paired values (`a[i]` and `b[i]` come from the same split); nil when empty.
    public init?(_ a: [Double], _ b: [Double], confidence: Double = 0.95) {
        precondition(a.count == b.count, "paired values need equal counts")
        guard !a.isEmpty else { return nil }
        let d = zip(a, b).map { $0 - $1 }
        let n = d.count
        count = n
        meanDifference = d.reduce(0, +) / Double(n)
        let m = meanDifference
        sdDifference = n > 1 ? (d.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)).squareRoot() : 0
        if n > 1 {
            let half = StudentT.quantile(0.5 + confidence / 2, degreesOfFreedom: Double(n - 1))
                * sdDifference / Double(n).squareRoot()
            interval = (m - half)...(m + half)
        } else {
            interval = nil
        }
        wins = d.filter { $0 < 0 }.count
        losses = d.filter { $0 > 0 }.count
    }

    /// `better` or `worse` only when the interval excludes 0.
    public var verdict: Verdict {
        guard let interval else { return .tied }
        if interval.upperBound < 0 { return .better }
        if interval.lowerBound > 0 { return .worse }
        return .tied
    }

    /// Compares two methods' records by split: values keyed by split (any hashable key, e.g. the
    /// seed), paired on the keys both have, in key order.
    public static func paired<K: Hashable & Comparable>(_ a: [K: Double], _ b: [K: Double]) -> PairedComparison? {
        let keys = Set(a.keys).intersection(b.keys).sorted()
        return PairedComparison(keys.map { a[$0]! }, keys.map { b[$0]! })
    }
}
