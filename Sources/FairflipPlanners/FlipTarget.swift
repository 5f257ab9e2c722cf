extension PlanningContext {
    /// The label each candidate would take if it flipped (`1 - y`), aligned with `candidates`.
    ///
    /// Rankings score how plausible a candidate's *new* label is: with direction `up` (the
    /// paper's setting) that is the favourable label for every candidate.
    public var flipTargets: [Double] {
        candidates.map { 1 - instance.train.labels[$0] }
    }
}
