import FairflipData

/// The baseline every method must beat: `k` candidates drawn uniformly at random.
///
/// The draw is seeded by `context.seed` (SplitMix64), so a seed always gives the same plan.
public struct RandomPlanner: Planner {
    public let name = "random"

    public init() {}

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        let k = try CandidateRanking.effectiveBudget(budget, candidates: context.candidates.count, method: name)
        var rng = SeededGenerator(seed: context.seed)
        let flips = Array(rng.shuffled(context.candidates).prefix(k))
        return Plan(method: name, flips: flips,
                    notes: ["\(k) of \(context.candidates.count) candidates drawn uniformly (seed \(context.seed))"])
    }
}
