import FairflipFairness

/// Text tables of fairness audits, side by side (train and test, or before and after).
public enum AuditTable {
    /// One table: a row per quantity, a column per labelled audit.
    public static func render(_ audits: [(label: String, audit: FairnessAudit)]) -> String {
        var table = TextTable(headers: ["quantity"] + audits.map { $0.label })
        func add(_ name: String, _ value: (FairnessAudit) -> Double) {
            table.append([name] + audits.map { formatted(value($0.audit)) })
        }
        table.append(["rows (minority/majority)"] + audits.map { "\($0.audit.minority.count)/\($0.audit.majority.count)" })
        add("minority positive rate") { $0.minority.positiveRate }
        add("majority positive rate") { $0.majority.positiveRate }
        add("minority TPR") { $0.minority.truePositiveRate }
        add("majority TPR") { $0.majority.truePositiveRate }
        add("minority FPR") { $0.minority.falsePositiveRate }
        add("majority FPR") { $0.majority.falsePositiveRate }
        add("gap TPR (min - maj)") { $0.tprGap }
        add("gap FPR (min - maj)") { $0.fprGap }
        add("gap positive rate") { $0.positiveRateGap }
        for metric in FairnessMetric.allCases {
            add(metric.rawValue) { $0.value(of: metric) }
        }
        add("error") { $0.errorRate }
        return table.render()
    }
}
