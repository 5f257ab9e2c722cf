import FairflipFairness
import FairflipResults

/// A sweep's records aggregated over seeds: for each (alpha, method, budget) the mean, sd,
/// min and max of the test metric, test error and train metric.
///
/// This is what the report's tables and plots show; it depends on `results.csv` alone.
public struct SweepSummary: Sendable {
    /// Mean, sample standard deviation and range of a set of values.
    public struct Stat: Sendable, Equatable {
        public var mean: Double
        public var sd: Double
        public var min: Double
        public var max: Double
        public var count: Int

        /// Nil for no values; sd is 0 for one value.
        public init?(_ values: [Double]) {
            guard !values.isEmpty else { return nil }
            count = values.count
            mean = values.reduce(0, +) / Double(count)
            let m = mean
            sd = count > 1 ? (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(count - 1)).squareRoot() : 0
            min = values.min()!
            max = values.max()!
        }
    }

    /// Where a summary cell sits.
    public struct Position: Hashable, Sendable {
        public var alpha: Double?
        public var method: String
        public var budget: Int
    }

    /// One (alpha, method, budget) over seeds.
    public struct Cell: Sendable {
        public var records: [SweepRecord]
        /// Records with a retrained model.
        public var ok: [SweepRecord] { records.filter(\.isOK) }
        public var testMetric: Stat?
        public var testError: Stat?
        public var trainMetric: Stat?
        public var wallSeconds: Stat?
        /// Distinct error statuses.
        public var errors: [String]
    }

    public let instance: String
    public let metric: FairnessMetric
    /// Alphas in increasing order (nil, for a membership column, first).
    public let alphas: [Double?]
    /// Methods in the order they first appear in the results.
    public let methods: [String]
    public let budgets: [Int]
    public let seeds: [Int]
    public let cells: [Position: Cell]
    public let records: [SweepRecord]

    /// Aggregates the records of one instance. The metric is the records' own (the most
    /// frequent `metric` cell) unless given.
    public init(instance: String, records all: [SweepRecord], metric: FairnessMetric? = nil) {
        let records = all.filter { $0.instance == instance }
        self.instance = instance
        self.records = records
        var counts: [String: Int] = [:]
        for r in records { counts[r.metric, default: 0] += 1 }
        let named = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        self.metric = metric ?? named.flatMap(FairnessMetric.init(rawValue:)) ?? .eqodds
        alphas = Array(Set(records.map(\.alpha))).sorted { ($0 ?? -1) < ($1 ?? -1) }
        var methods: [String] = []
        for r in records where !methods.contains(r.method) { methods.append(r.method) }
        self.methods = methods
        budgets = Array(Set(records.map(\.budget))).sorted()
        seeds = Array(Set(records.map(\.seed))).sorted()
        var grouped: [Position: [SweepRecord]] = [:]
        for r in records { grouped[Position(alpha: r.alpha, method: r.method, budget: r.budget), default: []].append(r) }
        let m = self.metric
        cells = grouped.mapValues { rs in
            let ok = rs.filter(\.isOK)
            return Cell(records: rs,
                        testMetric: Stat(ok.compactMap { $0.test.value(of: m) }),
                        testError: Stat(ok.compactMap { $0.test.error }),
                        trainMetric: Stat(ok.compactMap { $0.train.value(of: m) }),
                        wallSeconds: Stat(ok.compactMap(\.wallSeconds)),
                        errors: Array(Set(rs.filter { !$0.isOK }.map(\.status))).sorted())
        }
    }

    /// Instances present in the records, in order of appearance.
    public static func instances(in records: [SweepRecord]) -> [String] {
        var out: [String] = []
        for r in records where !out.contains(r.instance) { out.append(r.instance) }
        return out
    }

    public func cell(alpha: Double?, method: String, budget: Int) -> Cell? {
        cells[Position(alpha: alpha, method: method, budget: budget)]
    }

    /// The base model's figures at an alpha: the budget-0 records of the method that has the
    /// most seeds (they agree across methods at a seed; methods may cover different seeds).
    public func base(alpha: Double?) -> Cell? {
        guard budgets.first == 0 else { return nil }
        let cells = methods.compactMap { cell(alpha: alpha, method: $0, budget: 0) }.filter { $0.testMetric != nil }
        return cells.enumerated().max { a, b in
            a.element.ok.count != b.element.ok.count ? a.element.ok.count < b.element.ok.count : a.offset > b.offset
        }?.element
    }

    /// The method with the lowest mean test metric at (alpha, budget), if any produced one.
    public func best(alpha: Double?, budget: Int) -> String? {
        methods.compactMap { m in cell(alpha: alpha, method: m, budget: budget)?.testMetric.map { (m, $0.mean) } }
            .min { $0.1 < $1.1 }?.0
    }

    /// The (alpha, method, budget > 0) with the lowest mean test metric over everything.
    public var bestOverall: Position? {
        cells.filter { $0.key.budget > 0 && $0.value.testMetric != nil }
            .min { a, b in
                let (x, y) = (a.value.testMetric!.mean, b.value.testMetric!.mean)
                if x != y { return x < y }
                // Ties: the smaller budget, then the smaller alpha, then the earlier method.
                let (ma, mb) = (methods.firstIndex(of: a.key.method) ?? 0, methods.firstIndex(of: b.key.method) ?? 0)
                return (a.key.budget, a.key.alpha ?? -1, ma) < (b.key.budget, b.key.alpha ?? -1, mb)
            }?.key
    }

    /// Text for an alpha ("0.2", or "spec" for a membership column).
    public static func alphaText(_ alpha: Double?) -> String {
        alpha.map { CSVFormat.number($0) } ?? "spec"
    }
}
