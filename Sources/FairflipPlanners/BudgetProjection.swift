/// Euclidean projection onto the relaxed budget set `{ z : 0 <= z_i <= 1, sum z <= k }`.
///
/// Clip to [0, 1]; if the sum still exceeds `k`, the projection is `clip(z - lambda, 0, 1)`
/// with the `lambda > 0` that makes the sum exactly `k`, found by bisection (the sum is
/// continuous and non-increasing in `lambda`).
public enum BudgetProjection {
    public static func project(_ z: [Double], budget k: Double) -> [Double] {
        let clipped = z.map { min(1, max(0, $0)) }
        guard clipped.reduce(0, +) > k else { return clipped }
        func total(_ lambda: Double) -> Double { z.reduce(0) { $0 + min(1, max(0, $1 - lambda)) } }
        var lo = 0.0, hi = max(0, z.max() ?? 0)
        for _ in 0..<100 {
            let mid = 0.5 * (lo + hi)
            if total(mid) > k { lo = mid } else { hi = mid }
            if hi - lo <= 1e-15 * max(1, hi) { break }
        }
        return z.map { min(1, max(0, $0 - hi)) }
    }
}
