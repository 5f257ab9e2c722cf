/// A small, fast, seedable random number generator (SplitMix64).
///
/// Splits, collectives and synthetic data must be identical on every machine for a
/// given seed, so fairflip never uses the system generator. The algorithm is simple
/// enough that the reference-fixture script reproduces it exactly in Python.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fully determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in (0, 1): never 0, so its logarithm is finite.
    public mutating func openUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A uniform integer in `0..<bound`.
    public mutating func index(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return min(Int(unit() * Double(bound)), bound - 1)
    }

    /// A standard normal draw (Box-Muller, cosine branch).
    public mutating func gaussian() -> Double {
        let u1 = openUnit()
        let u2 = unit()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// The elements of `array` in a seeded random order (Fisher-Yates from the back).
    public mutating func shuffled<T>(_ array: [T]) -> [T] {
        var a = array
        var i = a.count - 1
        while i > 0 {
            let j = index(below: i + 1)
            a.swapAt(i, j)
            i -= 1
        }
        return a
    }
}

#if canImport(Glibc)
import Glibc
private func _log(_ x: Double) -> Double { Glibc.log(x) }
private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
#else
import Foundation
private func _log(_ x: Double) -> Double { Foundation.log(x) }
private func _cos(_ x: Double) -> Double { Foundation.cos(x) }
#endif
