import Testing
@testable import FairflipSweep

@Suite struct ShardTests {
    @Test func partitionsTheCellsExactly() {
        let cells = SweepCell.grid(alphas: [0.1, 0.2, nil], seeds: [0, 1, 2], methods: ["a", "b"], budgets: [0, 5, 10, 15])
        #expect(cells.count == 3 * 3 * 2 * 4)
        #expect(cells.map(\.index) == Array(0..<cells.count))
        for n in [1, 2, 3, 5, 7, 100] {
            var seen: [Int: Int] = [:]
            for i in 0..<n {
                for c in cells where Shard(index: i, count: n).contains(c.index) { seen[c.index, default: 0] += 1 }
            }
            #expect(seen.count == cells.count, "every cell in some shard (N = \(n))")
            #expect(seen.values.allSatisfy { $0 == 1 }, "no cell in two shards (N = \(n))")
        }
    }

    @Test func parsing() throws {
        #expect(try Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        #expect(try Shard(parsing: "0/1").fileName == "results.csv")
        #expect(try Shard(parsing: "1/3").fileName == "results.shard-1-of-3.csv")
        for bad in ["4/4", "-1/2", "1", "a/b", "1/0", "1/2/3"] {
            #expect(throws: SweepError.self) { try Shard(parsing: bad) }
        }
    }
}
