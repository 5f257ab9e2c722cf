/// A collective plan: which training rows flip their label, and what the planner expected.
public struct Plan: Sendable, Codable, Equatable {
    /// The method that produced the plan (`mip`, `rb-prob`, ...).
    public var method: String
    /// Training-row indices (into `Instance.train`) that flip, ascending.
    public var flips: [Int]
    /// The planner's own prediction of the training metric after retraining (its surrogate),
    /// when it has one. Reports show it next to the retrained value.
    public var surrogateMetric: Double?
    /// Planner-specific figures worth reporting (solver gap, retrains, iterations, ...).
    public var diagnostics: [String: Double]
    /// Planner-specific facts in words (solver status, ...).
    public var notes: [String]

    public init(method: String, flips: [Int], surrogateMetric: Double? = nil,
                diagnostics: [String: Double] = [:], notes: [String] = []) {
        self.method = method
        self.flips = flips.sorted()
        self.surrogateMetric = surrogateMetric
        self.diagnostics = diagnostics
        self.notes = notes
    }
}
