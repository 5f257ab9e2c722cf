/// The spec text of a two-feature instance shaped like the toy (columns x1, x2, group, label),
/// shared by tests that build small variants of it.
public enum TwoFeatureSpec {
    /// - Parameters:
    ///   - collective: the body of the `[collective]` table, e.g. `alpha = 0.2\nseed = 1`.
    ///   - testFile: when given, `file` is the train file and this the test file
    ///     (`data.train`, `data.test`; `testFraction` is then unused).
    public static func text(
        name: String, file: String, testFraction: Double, collective: String,
        direction: String = "up", metric: String = "eqodds", testFile: String? = nil
    ) -> String {
        let data = testFile.map { "train = \"\(file)\"\ntest = \"\($0)\"" }
            ?? "file = \"\(file)\"\ntest_fraction = \(testFraction)\nsplit_seed = 1"
        return """
        name = "\(name)"
        [data]
        \(data)
        missing = "fail"
        [label]
        column = "label"
        favorable = "1"
        [sensitive]
        column = "group"
        minority = ["minority"]
        majority = ["majority"]
        [features]
        numeric = ["x1", "x2"]
        include_sensitive = true
        [model]
        C = 1.0
        [collective]
        \(collective)
        direction = "\(direction)"
        [fairness]
        metric = "\(metric)"
        """
    }
}
