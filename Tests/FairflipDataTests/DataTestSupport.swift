import FairflipData
import FairflipTestSupport
import Foundation
import Testing

extension Scratch {
    /// A folder for a data test's files.
    convenience init() { self.init(prefix: "fairflip-data-tests-") }
}

/// A small valid data set: 16 rows (header on line 1, row i on line i + 2), x = i, c cycling a/b/c,
/// group alternating min/maj (even i is min), labels alternating within each group.
func sampleCSV(extra: [String] = []) -> String {
    var lines = ["x,c,group,label"]
    for i in 0..<16 {
        lines.append("\(i).5,\(["a", "b", "c"][i % 3]),\(i % 2 == 0 ? "min" : "maj"),\((i / 2) % 2)")
    }
    return (lines + extra).joined(separator: "\n") + "\n"
}

/// The sample data with the line `line` (1-based: the header is line 1) replaced by `row`.
func sampleCSV(replacingLine line: Int, with row: String) -> String {
    var lines = sampleCSV().split(separator: "\n").map(String.init)
    lines[line - 1] = row
    return lines.joined(separator: "\n")
}

/// A spec for `data.csv`. Line numbers matter to the tests:
/// 4 file, 5 test_fraction, 7 missing, 10 label.column, 11 favorable, 15 minority, 16 majority,
/// 19 numeric, 20 categorical, 22 [collective], 23 alpha, 24 seed.
let sampleSpec = """
    name = "sample"

    [data]
    file = "data.csv"
    test_fraction = 0.5
    split_seed = 1
    missing = "fail"

    [label]
    column = "label"
    favorable = "1"

    [sensitive]
    column = "group"
    minority = ["min"]
    majority = ["maj"]

    [features]
    numeric = ["x"]
    categorical = ["c"]

    [collective]
    alpha = 1.0
    seed = 1

    """

/// Writes a spec and data into `scratch` and loads them.
@discardableResult
func load(_ scratch: Scratch, spec: String = sampleSpec, csv: String = sampleCSV()) throws -> Instance {
    scratch.write("data.csv", csv)
    return try Instance(specPath: scratch.write("spec.toml", spec))
}

/// The `InputError` that `body` throws, or nil (recording a failure) when it throws nothing or something else.
func inputError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> InputError? {
    do {
        try body()
        Issue.record("expected an InputError, but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as InputError {
        return error
    } catch {
        Issue.record("expected an InputError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Checks the fields of the error `body` throws.
func expectInputError(
    file: String?, line: Int?, column: String?, containing fragments: [String],
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    guard let error = inputError(sourceLocation: sourceLocation, body) else { return }
    #expect(error.file == file, "file", sourceLocation: sourceLocation)
    #expect(error.line == line, "line in: \(error)", sourceLocation: sourceLocation)
    #expect(error.column == column, "column in: \(error)", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(error.message.contains(fragment), "'\(fragment)' in: \(error)", sourceLocation: sourceLocation)
    }
    #expect(!error.description.contains("\n"), "one line: \(error)", sourceLocation: sourceLocation)
}

/// Checks the error of loading the sample with line `line` of its data replaced by `row`:
/// it names `data.csv`, that line and `column`, and contains every fragment.
func expectBadRow(_ row: String, onLine line: Int, column: String, containing fragments: [String],
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let s = Scratch()
    expectInputError(file: s.path("data.csv"), line: line, column: column, containing: fragments,
                     sourceLocation: sourceLocation) {
        try load(s, csv: sampleCSV(replacingLine: line, with: row))
    }
}

extension String {
    /// The text with `old` replaced, checking that `old` occurs.
    func with(_ old: String, _ new: String) -> String {
        precondition(contains(old), "'\(old)' not in the text")
        return replacingOccurrences(of: old, with: new)
    }
}
