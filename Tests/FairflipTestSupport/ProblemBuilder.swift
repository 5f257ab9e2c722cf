import FairflipData
import FairflipFairness

/// Planning problems built in memory, for tests that are not about reading files: rows given
/// as columns go through the same split, encoding and collective steps as a spec's data.
public struct ProblemBuilder {
    /// Numeric feature columns (name, one value per row), in encoding order.
    public var numeric: [(name: String, values: [Double])]
    /// Each row's group.
    public var groups: [Group]
    /// The sensitive column's name and the text each group has in it.
    public var sensitiveColumn = "group"
    public var groupValues: [Group: String] = [.minority: "minority", .majority: "majority", .other: "other"]
    /// Each row's label (1 favourable, 0 not).
    public var labels: [Double]
    /// Whether the firm's model sees the group (one-hot, last).
    public var includeSensitive = true
    public var settings = ProblemSettings(name: "memory", origin: "(built in memory)")

    public init(numeric: [(name: String, values: [Double])], groups: [Group], labels: [Double]) {
        self.numeric = numeric
        self.groups = groups
        self.labels = labels
    }

    /// The rows as one data table (row i on "line" i + 2, as if under a header), split at random
    /// with the given fraction and seed unless re-split.
    public func table(testFraction: Double = 0.3, splitSeed: UInt64 = 0) -> DataTable {
        DataTable(settings: settings, schema: schema, files: [rows(lines: groups.indices.map { $0 + 2 })],
                  splitRule: .random(testFraction: testFraction, seed: splitSeed))
    }

    /// The rows as given train and test parts: `test` lists the test rows' indices, the rest train.
    public func trainTest(test: Set<Int>) throws(InputError) -> TrainTestRows {
        let all = rows(lines: groups.indices.map { $0 + 2 })
        let trainRows = groups.indices.filter { !test.contains($0) }
        return try TrainTestRows(settings: settings, schema: schema, train: all.selecting(trainRows),
                                 test: all.selecting(groups.indices.filter(test.contains)))
    }

    private var schema: DataTable.Schema {
        DataTable.Schema(labelColumn: "label", sensitiveColumn: sensitiveColumn, numeric: numeric.map(\.name),
                         categorical: includeSensitive ? [sensitiveColumn] : [])
    }

    private func rows(lines: [Int]) -> DataRows {
        DataRows(file: "(memory)", lines: lines, labels: labels, groups: groups, numeric: numeric.map(\.values),
                 categorical: includeSensitive ? [groups.map { groupValues[$0]! }] : [])
    }
}
