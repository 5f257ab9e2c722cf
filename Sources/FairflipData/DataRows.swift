import FairflipFairness

/// Data rows kept by a problem's row selection, decoded column by column but not yet encoded:
/// what splitting and encoding work on.
///
/// Numeric features are parsed (finite) numbers, categorical ones their trimmed text; labels
/// are 1 (favourable) or 0. Each row remembers its data file's line, so a plan can name it.
public struct DataRows: Sendable {
    /// The data file the rows come from (or a description, for rows built in memory).
    public var file: String
    /// Each row's line in that file (the header is line 1).
    public var lines: [Int]
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
        precondition(labels.count == lines.count && groups.count == lines.count, "one label and group per row")
        precondition(numeric.allSatisfy { $0.count == lines.count } && categorical.allSatisfy { $0.count == lines.count },
                     "one value per row in every column")
        precondition(membership.map { $0.count == lines.count } ?? true, "one membership value per row")
        self.file = file
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
        DataRows(file: file, lines: rows.map { lines[$0] }, labels: rows.map { labels[$0] },
                 groups: rows.map { groups[$0] }, numeric: numeric.map { c in rows.map { c[$0] } },
                 categorical: categorical.map { c in rows.map { c[$0] } },
                 membership: membership.map { m in rows.map { m[$0] } })
    }
}
