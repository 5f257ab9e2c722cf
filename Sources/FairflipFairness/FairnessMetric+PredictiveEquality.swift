extension FairnessMetric {
    /// Predictive equality (Chouldechova; Corbett-Davies et al.): `|ΔFPR|`, the gap in the
    /// share of truly unfavourable rows predicted favourable; the half of equalized odds that
    /// equal opportunity leaves out.
    public static let predictiveEquality = FairnessMetric(
        name: "predictive-equality", formula: .absolute(.fpr), note: "false-positive rate")
}
