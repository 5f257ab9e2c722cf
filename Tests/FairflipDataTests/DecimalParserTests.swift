@testable import FairflipData
import FairflipTestSupport
import Foundation
import Testing

/// The decimal reader agrees with `Double(String)` bit for bit: its fast path (Clinger's, exact
/// when the digits fit in 2^53 and the power of ten is exact) and everything it hands back.
@Suite("Decimal parser")
struct DecimalParserTests {
    /// Seeded decimal texts: signs, leading zeros, up to 25 digits on each side of the point,
    /// exponents, the shortest round-trip form of random doubles (up to 17 significant digits).
    static func corpus(_ count: Int, seed: UInt64) -> [String] {
        var rng = SeededGenerator(seed: seed)
        func digits(_ n: Int) -> String { String((0..<n).map { _ in Character(String(rng.index(below: 10))) }) }
        var texts = ["0", "-0", "+0", "-0.0", "+.5", "-.5", "5.", "007", "0.000", "1e22", "1e23", "9007199254740992",
                     "9007199254740993", "900719925474099.3", "0.1", "0.3", "123456789012345", "1234567890123456",
                     "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "1e-400", "-1e400",
                     "0.12345678901234567", "1.00000000000000011102230246251565", "+-1", "-", "+", ".", "e5", "1e", "1.2.3"]
        for _ in 0..<count {
            switch rng.index(below: 3) {
            case 0:
                let v = (rng.gaussian() * pow(10, Double(rng.index(below: 40)) - 20))
                texts.append(String(describing: v))  // shortest round trip: often 16 or 17 digits
            default:
                var t = ["", "-", "+"][rng.index(below: 3)] + digits(rng.index(below: 26))
                if rng.index(below: 3) > 0 { t += "." + digits(rng.index(below: 26)) }
                if rng.index(below: 4) == 0 { t += ["e", "E"][rng.index(below: 2)] + ["", "-", "+"][rng.index(below: 3)] + digits(1 + rng.index(below: 3)) }
                texts.append(t)
            }
        }
        return texts
    }

    /// Bit-identical doubles, or both nil.
    static func same(_ a: Double?, _ b: Double?) -> Bool { CSVParserTests.same(a, b) }

    @Test func parseEqualsDoubleOfTheTrimmedText() {
        for text in Self.corpus(4000, seed: 21) + [" 1.5", "\t-2 ", " ", "1 5", "nan", "-inf", "0x10", "1_000"] {
            let bytes = Array(text.utf8)
            let got = bytes.withUnsafeBufferPointer { b in
                b.baseAddress.flatMap { DecimalParser.parse($0, from: 0, to: b.count) }
            }
            let expected = Double(text.trimmingCharacters(in: .whitespaces))
            #expect(Self.same(bytes.isEmpty ? nil : got, expected), "'\(text)': \(String(describing: got)) vs \(String(describing: expected))")
        }
    }

    @Test func theFastPathIsExactOrDeclines() {
        var accepted = 0
        for text in Self.corpus(4000, seed: 22) {
            for terminator in ["", ",", "\n", "\r\n", ",x", "x", " "] {
                let bytes = Array((text + terminator).utf8)
                let got = bytes.withUnsafeBufferPointer { b in
                    b.baseAddress.flatMap { DecimalParser.plain($0, from: 0, to: b.count) }
                }
                guard let got else { continue }
                // Only a whole field ending at a comma, a line break or the end is read here.
                #expect(["", ",", "\n", "\r\n", ",x"].contains(terminator), "'\(text)' + \(terminator.debugDescription)")
                #expect(got.end == text.utf8.count, "'\(text)': ended at \(got.end)")
                #expect(Self.same(got.value, Double(text)), "'\(text)': \(got.value) vs \(String(describing: Double(text)))")
                accepted += 1
            }
        }
        #expect(accepted > 1000, "the fast path should read the common forms")
    }
}
