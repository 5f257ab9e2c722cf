import Foundation

/// Student's t distribution: its CDF and quantiles, for confidence intervals of a mean over a
/// handful of paired splits (where the normal 1.96 would be too narrow).
public enum StudentT {
    /// P(T ≤ t) for T with `degreesOfFreedom` > 0.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "degrees of freedom must be positive")
        guard t.isFinite else { return t > 0 ? 1 : 0 }
        // P(|T| > |t|) = I_x(nu/2, 1/2) with x = nu / (nu + t^2).
        let tail = regularizedIncompleteBeta(nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t >= 0 ? 1 - tail / 2 : tail / 2
    }

    /// The p-quantile (0 < p < 1): the t with cdf(t) = p, by bisection to 1e-12.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1, "p must be in (0, 1)")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
        var lo = 0.0, hi = 1.0
        while cdf(hi, degreesOfFreedom: nu) < p { hi *= 2 }
        for _ in 0..<200 where hi - lo > 1e-12 * max(1, hi) {
            let mid = (lo + hi) / 2
            if cdf(mid, degreesOfFreedom: nu) < p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// I_x(a, b), the regularised incomplete beta function, by its continued fraction (Lentz's
    /// method), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where that converges faster.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logBeta + logPowers
        if x > (a + 1) / (a + b + 2) {
            return 1 - regularizedIncompleteBeta(1 - x, a: b, b: a)
        }
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...500 {
            let md = Double(m)
            // Even step.
            let even: Double = (a + 2 * md - 1) * (a + 2 * md)
            var num: Double = md * (b - md) * x / even
            d = 1 + num * d; if abs(d) < tiny { d = tiny }
            c = 1 + num / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            let odd: Double = (a + 2 * md) * (a + 2 * md + 1)
            num = -(a + md) * (a + b + md) * x / odd
            d = 1 + num * d; if abs(d) < tiny { d = tiny }
            c = 1 + num / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return exp(logFront) * h / a
    }
}
