/// Where each data row comes from: its data file and its line there, and the name a plan, a
/// model or a file gives it.
///
/// Rows usually come from one file. A spec with separate train and test files
/// (`data.train`, `data.test`) re-split with a seed pools both files' rows, so one split can
/// hold rows of both: a line number alone would then be ambiguous. A row's *name* is its line
/// (`"123"`) when it comes from the first file (the only file, or `data.train`), and `t` + its
/// line (`"t123"`) when it comes from the second (`data.test`). Names of one-file specs and of
/// a spec's own split are therefore plain lines, as before.
public protocol RowProvenance {
    /// The data files the rows come from, in the spec's order (train file first).
    var sourceFiles: [String] { get }
    /// Each row's index into `sourceFiles`.
    var sourceOfRow: [Int] { get }
    /// Each row's line in its data file (the header is line 1).
    var lines: [Int] { get }
}

extension RowProvenance {
    /// The data file row `i` comes from.
    public func file(ofRow i: Int) -> String { sourceFiles[sourceOfRow[i]] }

    /// Row `i`'s name: its line, prefixed with `t` when it comes from the second (test) file.
    public func name(ofRow i: Int) -> String { RowName.of(source: sourceOfRow[i], line: lines[i]) }

    /// Whether the rows come from more than one file (so lines alone do not name them).
    public var spansFiles: Bool { sourceOfRow.contains { $0 != sourceOfRow.first } }
}

/// Row names (see `RowProvenance`).
public enum RowName {
    /// The name of the row at `line` of source file `source` (0 = first file, 1 = second).
    public static func of(source: Int, line: Int) -> String {
        precondition(source == 0 || source == 1, "rows come from one or two files")
        return source == 0 ? String(line) : "t\(line)"
    }
}

/// A data row's file and line: what names it unambiguously, whatever the split.
public struct RowOrigin: Hashable, Sendable {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

extension RowProvenance {
    /// Row `i`'s file and line.
    public func origin(ofRow i: Int) -> RowOrigin { RowOrigin(file: file(ofRow: i), line: lines[i]) }

    /// Each row's index by its file and line (for reading plans back from files).
    public func rowsByOrigin() -> [RowOrigin: Int] {
        Dictionary(lines.indices.map { (origin(ofRow: $0), $0) }, uniquingKeysWith: { a, _ in a })
    }
}
