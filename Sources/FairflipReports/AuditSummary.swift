import FairflipFairness

/// The audit of one split in a machine-readable form: group rates, gaps and error.
///
/// Undefined rates (an empty denominator) are `null` in JSON.
public struct AuditSummary: Codable, Sendable, Equatable {
    /// Rates of one group.
    public struct Rates: Codable, Sendable, Equatable {
        public var count: Int
        public var positives: Int
        public var positiveRate: Double?
        public var truePositiveRate: Double?
        public var falsePositiveRate: Double?
        public var errorRate: Double?

        public init(_ r: GroupRates) {
            count = r.count
            positives = r.positives
            positiveRate = defined(r.positiveRate)
            truePositiveRate = defined(r.truePositiveRate)
            falsePositiveRate = defined(r.falsePositiveRate)
            errorRate = defined(r.errorRate)
        }
    }

    /// Minority minus majority differences and the metrics built from them.
    public struct Gaps: Codable, Sendable, Equatable {
        public var tpr: Double?
        public var fpr: Double?
        public var positiveRate: Double?
        public var eqodds: Double?
        public var eqoddsMax: Double?
        public var dp: Double?
        public var eqopp: Double?

        enum CodingKeys: String, CodingKey {
            case tpr, fpr, positiveRate, eqodds, eqoddsMax = "eqodds-max", dp, eqopp
        }
    }

    public var rows: Int
    public var minority: Rates
    public var majority: Rates
    public var gaps: Gaps
    public var errorRate: Double?

    public init(_ audit: FairnessAudit) {
        rows = audit.overall.count
        minority = Rates(audit.minority)
        majority = Rates(audit.majority)
        gaps = Gaps(
            tpr: defined(audit.tprGap), fpr: defined(audit.fprGap), positiveRate: defined(audit.positiveRateGap),
            eqodds: defined(audit.value(of: .eqodds)), eqoddsMax: defined(audit.value(of: .eqoddsMax)),
            dp: defined(audit.value(of: .dp)), eqopp: defined(audit.value(of: .eqopp)))
        errorRate = defined(audit.errorRate)
    }
}

/// `nil` for NaN or infinity, so that JSON stays valid.
func defined(_ x: Double) -> Double? { x.isFinite ? x : nil }
