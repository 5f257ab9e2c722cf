import FairflipFairness
import FairflipLinearAlgebra

/// The encoded rows of one split (train or test), ready for the firm's model.
public struct DataSplit: Sendable, RowProvenance {
    /// "train" or "test".
    public let name: String
    /// Encoded features, one row per data row; the last column is the constant 1 (intercept).
    public let features: Matrix
    /// True labels: 1 = favourable, 0 = unfavourable.
    public let labels: [Double]
    /// Each row's group.
    public let groups: [Group]
    /// The CSV file the rows come from; for rows pooled from a spec's train and test files, the
    /// train file (`sourceFiles` lists both, and `file(ofRow:)` gives each row's).
    public let file: String
    /// Each row's line in its file (the header is line 1).
    public let lines: [Int]
    /// The files the rows come from (`[file]` unless pooled; see `RowProvenance`).
    public let sourceFiles: [String]
    /// Each row's index into `sourceFiles`.
    public let sourceOfRow: [Int]

    /// Rows of one file (`sourceFiles` = `[file]`), or of several when `sourceFiles` and
    /// `sourceOfRow` say which file each row comes from.
    public init(name: String, features: Matrix, labels: [Double], groups: [Group], file: String, lines: [Int],
                sourceFiles: [String]? = nil, sourceOfRow: [Int]? = nil) {
        precondition((sourceFiles == nil) == (sourceOfRow == nil), "source files and each row's source together")
        precondition(sourceOfRow.map { $0.count == lines.count } ?? true, "one source per row")
        self.name = name
        self.features = features
        self.labels = labels
        self.groups = groups
        self.file = file
        self.lines = lines
        self.sourceFiles = sourceFiles ?? [file]
        self.sourceOfRow = sourceOfRow ?? Array(repeating: 0, count: lines.count)
    }

    /// Number of rows.
    public var count: Int { labels.count }

    /// True labels as booleans (favourable = true).
    public var truth: [Bool] { labels.map { $0 >= 0.5 } }
}

extension DataSplit {
    /// The encoded value farthest from zero, with its row and column: where to look first when
    /// the firm's model fails to fit (a standardised outlier of a column that is mostly tiny).
    public var mostExtremeValue: (row: Int, column: Int, value: Double)? {
        var best: (row: Int, column: Int, value: Double)?
        for i in 0..<features.rows {
            for j in 0..<features.columns where best == nil || !(abs(features[i, j]) <= abs(best!.value)) {
                best = (i, j, features[i, j])
            }
        }
        return best
    }
}
