/// Confusion counts and rates of one group's predictions.
///
/// Rates whose denominator is empty (no positives, say) are NaN and show as `null` in JSON.
public struct GroupRates: Sendable, Codable, Equatable {
    /// Rows in the group.
    public var count: Int
    /// Rows whose true label is favourable.
    public var positives: Int
    /// Rows predicted favourable.
    public var predictedPositive: Int
    /// True positives.
    public var truePositives: Int
    /// False positives.
    public var falsePositives: Int
    /// Misclassified rows.
    public var errors: Int

    /// Empty counts, to accumulate into.
    public init() {
        count = 0; positives = 0; predictedPositive = 0; truePositives = 0; falsePositives = 0; errors = 0
    }

    /// Adds one row with its true label and its prediction.
    public mutating func add(truth: Bool, prediction: Bool) {
        count += 1
        if truth { positives += 1 }
        if prediction { predictedPositive += 1 }
        if truth && prediction { truePositives += 1 }
        if !truth && prediction { falsePositives += 1 }
        if truth != prediction { errors += 1 }
    }

    /// Rows whose true label is unfavourable.
    public var negatives: Int { count - positives }
    /// Share of rows predicted favourable.
    public var positiveRate: Double { ratio(predictedPositive, count) }
    /// Share of truly favourable rows predicted favourable.
    public var truePositiveRate: Double { ratio(truePositives, positives) }
    /// Share of truly unfavourable rows predicted favourable.
    public var falsePositiveRate: Double { ratio(falsePositives, negatives) }
    /// Share of rows misclassified.
    public var errorRate: Double { ratio(errors, count) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? .nan : Double(a) / Double(b) }

    enum CodingKeys: String, CodingKey {
        case count, positives, predictedPositive, truePositives, falsePositives, errors
    }
}
