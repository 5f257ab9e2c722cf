import Foundation

/// The toy data as a spec with separate train and test files (`data.train`, `data.test`):
/// every fourth of the toy's rows in `test.csv`, the others in `train.csv`. Both files number
/// their rows from line 2, so the same line exists in both: what a pooled re-split must keep
/// apart.
public enum TwoFileToy {
    /// Writes `train.csv`, `test.csv` and `toy2.toml` into `folder` and returns the spec's path.
    @discardableResult
    public static func write(into folder: Scratch) throws -> String {
        let lines = try String(contentsOfFile: Repository.path("instances/data/toy.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let header = lines[0], rows = Array(lines.dropFirst())
        let test = rows.indices.filter { $0 % 4 == 3 }.map { rows[$0] }
        let train = rows.indices.filter { $0 % 4 != 3 }.map { rows[$0] }
        folder.write("train.csv", ([header] + train).joined(separator: "\n") + "\n")
        folder.write("test.csv", ([header] + test).joined(separator: "\n") + "\n")
        return folder.write("toy2.toml", TwoFeatureSpec.text(name: "toy2", file: "train.csv", testFraction: 0,
                                                             collective: "alpha = 0.5\nseed = 1", testFile: "test.csv"))
    }
}
