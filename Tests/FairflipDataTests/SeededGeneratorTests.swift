import FairflipData
import Testing

@Suite("SplitMix64")
struct SeededGeneratorTests {
    @Test func matchesTheReferenceSequence() {
        var g = SeededGenerator(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func sameSeedSameSequenceDifferentSeedDifferent() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var c = SeededGenerator(seed: 43)
        let xs = (0..<10).map { _ in a.next() }
        #expect(xs == (0..<10).map { _ in b.next() })
        #expect(xs != (0..<10).map { _ in c.next() })
    }

    @Test func unitsAndIndicesStayInRange() {
        var g = SeededGenerator(seed: 1)
        for _ in 0..<10_000 {
            let u = g.unit()
            #expect(u >= 0 && u < 1)
            let o = g.openUnit()
            #expect(o > 0 && o < 1)
            let i = g.index(below: 7)
            #expect((0..<7).contains(i))
        }
        #expect(SeededGenerator(seed: 0).unitFirst == Double(UInt64(0xE220_A839_7B1D_CDAF) >> 11) * 0x1p-53)
    }

    @Test func shuffleIsASeededPermutation() {
        var a = SeededGenerator(seed: 5)
        var b = SeededGenerator(seed: 5)
        let items = Array(0..<50)
        let s1 = a.shuffled(items)
        #expect(s1 == b.shuffled(items))
        #expect(s1.sorted() == items)
        #expect(s1 != items)
        #expect(a.shuffled([Int]()) == [])
        #expect(a.shuffled([9]) == [9])
    }

    @Test func gaussianHasRoughlyStandardMoments() {
        var g = SeededGenerator(seed: 3)
        let xs = (0..<20_000).map { _ in g.gaussian() }
        let mean = xs.reduce(0, +) / Double(xs.count)
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
    }
}

extension SeededGenerator {
    /// The first `unit()` of a fresh generator.
    fileprivate var unitFirst: Double {
        var g = self
        return g.unit()
    }
}
