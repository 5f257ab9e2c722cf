/// The degenerate-fairness guard: flags a retrained model whose fairness gap closed in a way no
/// one wants, namely by predicting (almost) everyone of a group favourable or unfavourable
/// (TPR = FPR = 1 in both groups gives eqodds 0), or by giving up much accuracy.
///
/// A flagged plan is still reported (it is what the planner found); the flag makes sure it is
/// never read as a success without a warning. `--max-error-increase` keeps the MIP away from
/// the second kind.
public struct DegenerateFairness: Sendable, Equatable {
    /// A group positive rate at or above this is "everyone favourable".
    public static let highPositiveRate = 0.99
    /// A group positive rate at or below this is "no one favourable".
    public static let lowPositiveRate = 0.01
    /// An error increase above this (0.05 = 5 percentage points) over the base model is flagged.
    public static let maxErrorIncrease = 0.05

    /// Why the model is flagged, one short phrase per reason (empty: not degenerate).
    public let reasons: [String]

    /// Checks one split's retrained figures against the base model's error on the same split.
    /// Undefined rates (an empty group) are not flagged.
    public init(minorityPositiveRate: Double?, majorityPositiveRate: Double?, error: Double?, baseError: Double?) {
        var reasons: [String] = []
        for (name, rate) in [("minority", minorityPositiveRate), ("majority", majorityPositiveRate)] {
            guard let rate, rate.isFinite else { continue }
            if rate >= Self.highPositiveRate {
                reasons.append("\(name) positive rate \(Self.percent(rate)) (nearly everyone favourable)")
            } else if rate <= Self.lowPositiveRate {
                reasons.append("\(name) positive rate \(Self.percent(rate)) (nearly no one favourable)")
            }
        }
        if let error, let baseError, error.isFinite, baseError.isFinite, error - baseError > Self.maxErrorIncrease {
            reasons.append("error up \(Self.points(error - baseError)) points (\(Self.percent(baseError)) -> \(Self.percent(error)))")
        }
        self.reasons = reasons
    }

    /// Checks an audit of the retrained model against the base model's audit of the same rows.
    public init(after: FairnessAudit, before: FairnessAudit) {
        self.init(minorityPositiveRate: after.minority.positiveRate, majorityPositiveRate: after.majority.positiveRate,
                  error: after.errorRate, baseError: before.errorRate)
    }

    /// Whether any reason applies.
    public var isDegenerate: Bool { !reasons.isEmpty }

    /// The reasons joined by "; " (empty when not degenerate).
    public var summary: String { reasons.joined(separator: "; ") }

    private static func percent(_ x: Double) -> String {
        let v = (x * 1000).rounded() / 10
        return "\(v)%"
    }

    private static func points(_ x: Double) -> String {
        let v = (x * 1000).rounded() / 10
        return "\(v)"
    }
}
