import FairflipFairness
import FairflipLinearAlgebra

/// The encoded rows of one split (train or test), ready for the firm's model.
public struct DataSplit: Sendable {
    /// "train" or "test".
    public let name: String
    /// Encoded features, one row per data row; the last column is the constant 1 (intercept).
    public let features: Matrix
    /// True labels: 1 = favourable, 0 = unfavourable.
    public let labels: [Double]
    /// Each row's group.
    public let groups: [Group]
    /// The CSV file the rows come from.
    public let file: String
    /// Each row's line in that file (the header is line 1).
    public let lines: [Int]

    public init(name: String, features: Matrix, labels: [Double], groups: [Group], file: String, lines: [Int]) {
        self.name = name
        self.features = features
        self.labels = labels
        self.groups = groups
        self.file = file
        self.lines = lines
    }

    /// Number of rows.
    public var count: Int { labels.count }

    /// True labels as booleans (favourable = true).
    public var truth: [Bool] { labels.map { $0 >= 0.5 } }
}
