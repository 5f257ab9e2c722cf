/// A fairness criterion, as named in specs, on the command line and in reports: a name and the
/// formula that combines absolute gaps (minority minus majority) into the value a planner drives
/// toward zero.
///
/// Every metric is one value of this type; the exact audit, the MIP's linear encoding and the
/// smoothed form all read its `formula`. Adding a metric is one file declaring it
/// (`FairnessMetric+Name.swift`) and its entry in `allCases`.
public struct FairnessMetric: Sendable, Hashable, CaseIterable, RawRepresentable, Codable, CustomStringConvertible {
    /// The name in specs, options and reports.
    public let rawValue: String
    /// The combination of gaps.
    public let formula: MetricFormula
    /// What the rate behind the formula means, when the formula alone does not say it.
    public let note: String?

    /// A metric named `name` with a formula.
    public init(name: String, formula: MetricFormula, note: String? = nil) {
        rawValue = name
        self.formula = formula
        self.note = note
    }

    /// Every registered metric, in the order help texts and audits list them.
    public static let allCases: [FairnessMetric] = [.eqodds, .eqoddsMax, .dp, .eqopp, .predictiveEquality]

    /// The registered metric of that name.
    public init?(rawValue: String) {
        guard let m = FairnessMetric.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = m
    }

    /// A one-line explanation for help texts and reports.
    public var summary: String { formula.text + (note.map { " (\($0))" } ?? "") }

    /// The gaps the metric reads.
    public var gaps: [Gap] { formula.gaps }

    public var description: String { rawValue }

    public static func == (a: FairnessMetric, b: FairnessMetric) -> Bool { a.rawValue == b.rawValue }
    public func hash(into h: inout Hasher) { h.combine(rawValue) }
}

extension FairnessMetric {
    /// Equalized odds as in Ben-Dov et al.: `0.5 * (|ΔTPR| + |ΔFPR|)`. The default.
    public static let eqodds = FairnessMetric(name: "eqodds", formula: .mean([.tpr, .fpr]))
    /// Equalized odds as in fairlearn's `equalized_odds_difference`: `max(|ΔTPR|, |ΔFPR|)`.
    public static let eqoddsMax = FairnessMetric(name: "eqodds-max", formula: .maximum([.tpr, .fpr]))
    /// Demographic parity: `|ΔPR|`, the gap in positive-prediction rates.
    public static let dp = FairnessMetric(name: "dp", formula: .absolute(.pr), note: "positive-prediction rate")
    /// Equal opportunity: `|ΔTPR|`.
    public static let eqopp = FairnessMetric(name: "eqopp", formula: .absolute(.tpr))
}
