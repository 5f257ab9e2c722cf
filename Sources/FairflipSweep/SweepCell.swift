import FairflipResults

/// One unit of sweep work: one method at one budget on one (alpha, seed) collective draw.
public struct SweepCell: Sendable, Equatable {
    /// Position in the full grid (shards and output order go by it).
    public var index: Int
    /// The collective's fraction, or nil when the spec names a membership column.
    public var alpha: Double?
    public var seed: Int
    public var method: String
    public var budget: Int

    public init(index: Int, alpha: Double?, seed: Int, method: String, budget: Int) {
        self.index = index
        self.alpha = alpha
        self.seed = seed
        self.method = method
        self.budget = budget
    }

    /// The results-file key of this cell.
    public func key(instance: String) -> SweepRecord.Key {
        SweepRecord.Key(instance: instance, alpha: CSVFormat.number(alpha), seed: String(seed), method: method,
                        budget: String(budget))
    }

    /// Every cell of a sweep, in output order: alpha, then seed, then method, then budget.
    public static func grid(alphas: [Double?], seeds: [Int], methods: [String], budgets: [Int]) -> [SweepCell] {
        var cells: [SweepCell] = []
        for a in alphas {
            for s in seeds {
                for m in methods {
                    for k in budgets {
                        cells.append(SweepCell(index: cells.count, alpha: a, seed: s, method: m, budget: k))
                    }
                }
            }
        }
        return cells
    }
}
