/// A fairness criterion, as named in specs, on the command line and in reports.
///
/// Gaps are minority minus majority; the metric is the absolute gap (or the
/// combination of absolute gaps) that a planner drives toward zero.
public enum FairnessMetric: String, Sendable, Codable, CaseIterable {
    /// Equalized odds as in Ben-Dov et al.: `0.5 * (|ΔTPR| + |ΔFPR|)`. The default.
    case eqodds
    /// Equalized odds as in fairlearn's `equalized_odds_difference`: `max(|ΔTPR|, |ΔFPR|)`.
    case eqoddsMax = "eqodds-max"
    /// Demographic parity: `|ΔPR|`, the gap in positive-prediction rates.
    case dp
    /// Equal opportunity: `|ΔTPR|`.
    case eqopp

    /// A one-line explanation for help texts and reports.
    public var summary: String {
        switch self {
        case .eqodds: return "0.5 * (|dTPR| + |dFPR|)"
        case .eqoddsMax: return "max(|dTPR|, |dFPR|)"
        case .dp: return "|dPR| (positive-prediction rate)"
        case .eqopp: return "|dTPR|"
        }
    }
}
