/// The spec text of a two-feature instance shaped like the toy (columns x1, x2, group, label),
/// shared by tests that build small variants of it.
public enum TwoFeatureSpec {
    /// - Parameters:
    ///   - collective: the body of the `[collective]` table, e.g. `alpha = 0.2\nseed = 1`.
    public static func text(
        name: String, file: String, testFraction: Double, collective: String,
        direction: String = "up", metric: String = "eqodds"
    ) -> String {
        """
        name = "\(name)"
        [data]
        file = "\(file)"
        test_fraction = \(testFraction)
        split_seed = 1
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
