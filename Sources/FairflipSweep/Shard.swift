/// One part of a sweep split across machines: `--shard i/N` runs the cells whose index is
/// `i` modulo `N` and writes `results.shard-i-of-N.csv`; `fairflip report` merges the parts.
public struct Shard: Sendable, Equatable {
    /// This shard, in `0..<count`.
    public var index: Int
    /// How many shards the sweep is split into.
    public var count: Int

    /// The whole sweep (one shard).
    public static let whole = Shard(index: 0, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `i/N` with 0 <= i < N.
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0].trimmingWhitespace()), let n = Int(parts[1].trimmingWhitespace())
        else { throw SweepError("'\(text)' is not i/N") }
        guard n >= 1, i >= 0, i < n else { throw SweepError("need 0 <= i < N, got \(text)") }
        self.init(index: i, count: n)
    }

    /// Whether this shard runs the cell with this index.
    public func contains(_ cellIndex: Int) -> Bool { cellIndex % count == index }

    /// The results file name of this shard.
    public var fileName: String { count == 1 ? "results.csv" : "results.shard-\(index)-of-\(count).csv" }
}
