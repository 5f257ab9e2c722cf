#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The logistic function and the log-loss, written to stay finite for any score.
public enum Logistic {
    /// `1 / (1 + exp(-s))`.
    @inlinable
    public static func sigmoid(_ s: Double) -> Double {
        if s >= 0 { return 1 / (1 + exp(-s)) }
        let e = exp(s)
        return e / (1 + e)
    }

    /// `log(1 + exp(s))`.
    @inlinable
    public static func softplus(_ s: Double) -> Double {
        max(s, 0) + log1p(exp(-abs(s)))
    }

    /// The log-loss of score `s` against a (possibly soft) label `y` in [0, 1].
    @inlinable
    public static func loss(label y: Double, score s: Double) -> Double {
        softplus(s) - y * s
    }
}
