/// Paired comparisons between the methods of a sweep: at one (alpha, budget), two methods are
/// compared on the seeds (splits) both have, so the split-to-split variance they share cancels.
extension SweepSummary {
    /// What the report may say about the best method at one budget.
    public enum BestClaim: Sendable, Equatable {
        /// This method's paired 95% interval against every other method lies below 0.
        case best(String)
        /// No method is significantly lower than all others: these are tied within noise with
        /// the lowest mean (lowest mean first).
        case tied([String])
    }

    /// The method the others are compared with: `mip` when the sweep ran it.
    public static let referenceMethod = "mip"

    /// The test metric per seed of one (alpha, method, budget); budget 0 gives the base model.
    public func testValues(alpha: Double?, method: String, budget: Int) -> [Int: Double] {
        var out: [Int: Double] = [:]
        for r in records where r.isOK && r.alpha == alpha && r.method == method && r.budget == budget {
            if let v = r.test.value(of: metric) { out[r.seed] = v }
        }
        return out
    }

    /// The base model's test metric per seed at an alpha (every method's budget-0 record agrees
    /// at a seed; the first one found counts).
    public func baseValues(alpha: Double?) -> [Int: Double] {
        var out: [Int: Double] = [:]
        for r in records where r.isOK && r.alpha == alpha && r.budget == 0 && out[r.seed] == nil {
            if let v = r.test.value(of: metric) { out[r.seed] = v }
        }
        return out
    }

    /// `method` minus `other` at (alpha, budget), paired by seed; nil when no seed has both.
    public func paired(alpha: Double?, method: String, against other: String, budget: Int) -> PairedComparison? {
        PairedComparison.paired(testValues(alpha: alpha, method: method, budget: budget),
                                testValues(alpha: alpha, method: other, budget: budget))
    }

    /// `method` minus the base model (no flips) at (alpha, budget), paired by seed.
    public func pairedWithBase(alpha: Double?, method: String, budget: Int) -> PairedComparison? {
        PairedComparison.paired(testValues(alpha: alpha, method: method, budget: budget), baseValues(alpha: alpha))
    }

    /// The best method at (alpha, budget) as far as the data can tell: the lowest mean test
    /// metric, claimed only when it is significantly lower than every other method.
    public func bestClaim(alpha: Double?, budget: Int) -> BestClaim? {
        let ranked = methods.compactMap { m in cell(alpha: alpha, method: m, budget: budget)?.testMetric.map { (m, $0.mean) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
        guard let lowest = ranked.first else { return nil }
        let tied = ranked.dropFirst().filter { other in
            paired(alpha: alpha, method: lowest, against: other, budget: budget)?.verdict != .better
        }
        return tied.isEmpty && ranked.count > 1 ? .best(lowest) : .tied([lowest] + tied)
    }

    /// Whether any record of the cell carries the degenerate-fairness flag, and how many.
    public func degenerateCount(alpha: Double?, method: String, budget: Int) -> Int {
        cell(alpha: alpha, method: method, budget: budget)?.ok.filter { !$0.degenerate.isEmpty }.count ?? 0
    }

    /// Train metric minus test metric over the cell's seeds (below 0: fairer on the planning rows).
    public func generalisationGap(_ cell: Cell) -> Stat? {
        Stat(cell.ok.compactMap { r in r.train.value(of: metric).flatMap { a in r.test.value(of: metric).map { a - $0 } } })
    }

    /// Whether the seeds of this sweep re-split train/test.
    public var splitsVary: Bool { records.contains { $0.splitSeed != nil } }
}
