#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// A linear map from data values to pixels, with "nice" round tick values (1, 2, 2.5, 5 × 10^k).
public struct AxisScale: Sendable {
    /// The data range shown (already widened to round ticks).
    public let lower: Double
    public let upper: Double
    /// Pixel positions of `lower` and `upper` (for a y axis, `start` is the bottom).
    public let start: Double
    public let end: Double
    /// Tick values within the range.
    public let ticks: [Double]

    /// A scale covering `values` (and `include`, e.g. 0), with about `tickCount` ticks.
    public init(values: [Double], include: [Double] = [], start: Double, end: Double, tickCount: Int = 6) {
        let all = (values + include).filter { $0.isFinite }
        var lo = all.min() ?? 0
        var hi = all.max() ?? 1
        if hi - lo < 1e-12 {
            let pad = max(abs(lo) * 0.1, 0.05)
            lo -= pad
            hi += pad
        }
        let step = AxisScale.niceStep((hi - lo) / Double(max(1, tickCount - 1)))
        lo = floor(lo / step + 1e-9) * step
        hi = ceil(hi / step - 1e-9) * step
        var ticks: [Double] = []
        var t = lo
        while t <= hi + step * 1e-6 {
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        self.lower = lo
        self.upper = hi
        self.start = start
        self.end = end
        self.ticks = ticks
        self.step = step
    }

    /// Distance between ticks.
    public let step: Double

    /// The pixel position of a value.
    public func map(_ x: Double) -> Double {
        start + (x - lower) / (upper - lower) * (end - start)
    }

    /// Tick label text with just enough decimals for the step.
    public func label(_ x: Double) -> String {
        let digits = max(0, min(6, Int(ceil(-log10(step) - 1e-9))))
        let needsExtra = abs((step * pow(10, Double(digits))).rounded() - step * pow(10, Double(digits))) > 1e-6
        return formatted(x, digits: digits + (needsExtra ? 1 : 0))
    }

    /// The round step (1, 2, 2.5 or 5 × 10^k) nearest above a raw step.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= raw * 0.999 { return m * magnitude }
        return 10 * magnitude
    }
}
