/// The seeded 2-D synthetic instance: majority circles, minority crosses.
///
/// Both groups draw features from a standard normal (the minority shifted by
/// `minorityShift` on both axes). Labels follow the line `x1 + x2 = 0` plus noise for
/// the majority, and a line shifted by `boundaryShift` for the minority, so a single
/// logistic regression treats the groups differently. The defaults make the gap large
/// and show what a handful of flips can do.
public struct ToyGenerator: Sendable {
    public var majorityCount = 250
    public var minorityCount = 150
    public var minorityShift = 0.0
    public var boundaryShift = 1.0
    public var noise = 1.0

    public init() {}

    /// The rows as CSV text with columns `x1,x2,group,label`, majority rows first.
    public func csv(seed: UInt64) -> String {
        var rng = SeededGenerator(seed: seed)
        var lines = ["x1,x2,group,label"]
        for (count, isMinority) in [(majorityCount, false), (minorityCount, true)] {
            for _ in 0..<count {
                let shift = isMinority ? minorityShift : 0
                let x1 = rng.gaussian() + shift
                let x2 = rng.gaussian() + shift
                let threshold = isMinority ? boundaryShift : 0
                let label = x1 + x2 + noise * rng.gaussian() > threshold ? 1 : 0
                lines.append("\(format(x1)),\(format(x2)),\(isMinority ? "minority" : "majority"),\(label)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Six decimals, fixed: the file is byte-identical on every platform.
    private func format(_ x: Double) -> String {
        let scaled = (x * 1_000_000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let fraction = String(magnitude % 1_000_000)
        return "\(sign)\(magnitude / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)"
    }
}
