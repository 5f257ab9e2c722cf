/// The seeded synthetic instance: majority circles, minority crosses.
///
/// Both groups draw `features` features from a standard normal (the minority shifted by
/// `minorityShift` on every axis). Labels follow the hyperplane `x1 + ... + xD = 0` plus noise
/// for the majority, and one shifted by `boundaryShift` for the minority, so a single logistic
/// regression treats the groups differently. Noise and shift grow with `sqrt(D / 2)` so the
/// classes overlap alike at every dimension. The defaults (400 rows, 2 features) are the toy
/// picture and show what a handful of flips can do; `rows` and `features` scale it up to the
/// large instances of the scale benchmark (`Benchmarks/scale/`).
public struct ToyGenerator: Sendable {
    public var majorityCount = 250
    public var minorityCount = 150
    /// Numeric feature columns `x1 ... xD`.
    public var features = 2
    public var minorityShift = 0.0
    public var boundaryShift = 1.0
    public var noise = 1.0

    public init() {}

    /// `rows` rows in all, the minority in the toy's proportion (3 in 8), and `features` features.
    public init(rows: Int, features: Int) {
        precondition(rows >= 2 && features >= 1, "at least two rows and one feature")
        minorityCount = max(1, Int((Double(rows) * 0.375).rounded()))
        majorityCount = rows - minorityCount
        self.features = features
    }

    /// The rows as CSV text with columns `x1, ..., xD, group, label`, majority rows first.
    public func csv(seed: UInt64) -> String {
        String(decoding: bytes(seed: seed), as: UTF8.self)
    }

    /// The CSV text as UTF-8 bytes (built directly: a million rows take about a second).
    public func bytes(seed: UInt64) -> [UInt8] {
        var rng = SeededGenerator(seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity((majorityCount + minorityCount) * (10 * features + 12) + 64)
        out.append(contentsOf: ((1...features).map { "x\($0)" } + ["group", "label"]).joined(separator: ",").utf8)
        out.append(0x0A)
        let spread = (Double(features) / 2).squareRoot()
        var x = [Double](repeating: 0, count: features)
        for (count, isMinority) in [(majorityCount, false), (minorityCount, true)] {
            let name = Array((isMinority ? "minority" : "majority").utf8)
            for _ in 0..<count {
                let shift = isMinority ? minorityShift : 0
                var sum = 0.0
                for j in 0..<features {
                    x[j] = rng.gaussian() + shift
                    sum += x[j]
                }
                let threshold = (isMinority ? boundaryShift : 0) * spread
                let label: UInt8 = sum + noise * spread * rng.gaussian() > threshold ? 0x31 : 0x30
                for j in 0..<features {
                    Self.appendFixed(x[j], to: &out)
                    out.append(0x2C)
                }
                out.append(contentsOf: name)
                out.append(0x2C)
                out.append(label)
                out.append(0x0A)
            }
        }
        return out
    }

    /// Six decimals, fixed: the file is byte-identical on every platform.
    private static func appendFixed(_ x: Double, to out: inout [UInt8]) {
        let scaled = (x * 1_000_000).rounded()
        if scaled < 0 { out.append(0x2D) }
        let magnitude = UInt64(abs(scaled))
        appendDigits(magnitude / 1_000_000, minimum: 1, to: &out)
        out.append(0x2E)
        appendDigits(magnitude % 1_000_000, minimum: 6, to: &out)
    }

    private static func appendDigits(_ value: UInt64, minimum: Int, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        var v = value
        repeat {
            digits.append(0x30 + UInt8(v % 10))
            v /= 10
        } while v > 0
        while digits.count < minimum { digits.append(0x30) }
        out.append(contentsOf: digits.reversed())
    }
}
