import FairflipFairness

/// Data rows kept by a problem's row selection, decoded column by column but not yet encoded:
/// what splitting and encoding work on.
///
/// Numeric features are parsed (finite) numbers, categorical ones their trimmed text; labels
/// are 1 (favourable) or 0. Each row remembers its data file and line, so a plan can name it
/// (`RowProvenance`).
public struct DataRows: Sendable, RowProvenance {
    /// The data file the rows come from (or a description, for rows built in memory); for rows
    /// pooled from two files, the first.
    public var file: String
    /// Each row's line in its file (the header is line 1).
    public var lines: [Int]
    /// The files the rows come from: `[file]`, or both files of pooled rows.
    public var sourceFiles: [String]
    /// Each row's index into `sourceFiles`.
    public var sourceOfRow: [Int]
    /// 1 = favourable, 0 = unfavourable.
    public var labels: [Double]
    /// Each row's group.
    public var groups: [Group]
    /// Per numeric feature (in the schema's order), every row's value.
    public var numeric: [[Double]]
    /// Per categorical feature (in the schema's order), every row's text.
    public var categorical: [[String]]
    /// The collective's membership column as written (trimmed), when the problem names one.
    public var membership: [String]?

    public init(file: String, lines: [Int], labels: [Double], groups: [Group], numeric: [[Double]],
                categorical: [[String]], membership: [String]? = nil) {
        self.init(sourceFiles: [file], sourceOfRow: Array(repeating: 0, count: lines.count), lines: lines, labels: labels,
                  groups: groups, numeric: numeric, categorical: categorical, membership: membership)
    }

    /// Rows from one or more files: row `i` is line `lines[i]` of `sourceFiles[sourceOfRow[i]]`.
    public init(sourceFiles: [String], sourceOfRow: [Int], lines: [Int], labels: [Double], groups: [Group],
                numeric: [[Double]], categorical: [[String]], membership: [String]? = nil) {
        precondition(!sourceFiles.isEmpty && sourceOfRow.count == lines.count
                     && sourceOfRow.allSatisfy { sourceFiles.indices.contains($0) }, "one known source file per row")
        precondition(labels.count == lines.count && groups.count == lines.count, "one label and group per row")
        precondition(numeric.allSatisfy { $0.count == lines.count } && categorical.allSatisfy { $0.count == lines.count },
                     "one value per row in every column")
        precondition(membership.map { $0.count == lines.count } ?? true, "one membership value per row")
        self.file = sourceFiles[0]
        self.sourceFiles = sourceFiles
        self.sourceOfRow = sourceOfRow
        self.lines = lines
        self.labels = labels
        self.groups = groups
        self.numeric = numeric
        self.categorical = categorical
        self.membership = membership
    }

    /// Number of rows.
    public var count: Int { lines.count }

    /// The given rows, in the given order.
    public func selecting(_ rows: [Int]) -> DataRows {
        DataRows(sourceFiles: sourceFiles, sourceOfRow: rows.map { sourceOfRow[$0] }, lines: rows.map { lines[$0] },
                 labels: rows.map { labels[$0] },
                 groups: rows.map { groups[$0] }, numeric: numeric.map { c in rows.map { c[$0] } },
                 categorical: categorical.map { c in rows.map { c[$0] } },
                 membership: membership.map { m in rows.map { m[$0] } })
    }

    /// The rows of `first` then those of `second`, each keeping its file and line: the pool a
    /// two-file spec is re-split from. Both must come from one file each and hold the same columns.
    public static func pooling(_ first: DataRows, _ second: DataRows) -> DataRows {
        precondition(first.sourceFiles.count == 1 && second.sourceFiles.count == 1, "pool two one-file row sets")
        precondition(first.numeric.count == second.numeric.count && first.categorical.count == second.categorical.count
                     && (first.membership == nil) == (second.membership == nil), "the same columns")
        return DataRows(sourceFiles: [first.file, second.file],
                        sourceOfRow: Array(repeating: 0, count: first.count) + Array(repeating: 1, count: second.count),
                        lines: first.lines + second.lines, labels: first.labels + second.labels,
                        groups: first.groups + second.groups,
                        numeric: zip(first.numeric, second.numeric).map { $0 + $1 },
                        categorical: zip(first.categorical, second.categorical).map { $0 + $1 },
                        membership: first.membership.map { $0 + second.membership! })
    }
}
