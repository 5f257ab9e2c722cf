import FairflipLinearAlgebra

/// Greedy on the linearised smoothed metric (`greedy-surrogate`): no retraining at all.
///
/// The firm's model is linearised once around the base fit (`theta(z) ~ theta + U z`), the
/// cells' smoothed rates `sigmoid(s / tau)` once more around the base scores, so each cell rate
/// is `rate + E z` (`E = V' U`, 4 x m). Each of `k` rounds adds the candidate whose flip gives
/// the lowest smoothed metric of the predicted rates. The plan is the best prefix (the round
/// with the lowest surrogate, fewest flips on ties), so it never predicts worse than fewer flips.
/// Cost: one Hessian factorisation, one multi-RHS solve, then O(k m) arithmetic.
public struct GreedySurrogatePlanner: Planner {
    public let name = "greedy-surrogate"
    /// Temperature `tau` of the smoothed rates (score units).
    public let temperature: Double
    /// Smoothing `delta` of `|x|`.
    public let smoothing: Double

    public init(temperature: Double = 0.25, smoothing: Double = 1e-3) {
        self.temperature = temperature
        self.smoothing = smoothing
    }

    public func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        let m = context.candidates.count
        let k = try CandidateRanking.effectiveBudget(budget, candidates: m, method: name)
        let smoothed = SmoothedMetric(context: context, temperature: temperature, smoothing: smoothing)
        var linear = try LinearisedRates(context: context, smoothed: smoothed, parameters: context.baseModel.parameters,
                                         labels: context.instance.train.labels, rows: context.candidates)
        var available = [Bool](repeating: true, count: m)
        var order: [Int] = []
        var bestValue = linear.value, bestLength = 0
        let initial = bestValue
        for _ in 0..<k {
            var pick = -1, pickValue = Double.infinity
            for i in 0..<m where available[i] {
                let v = linear.value(adding: i)
                if v < pickValue { pick = i; pickValue = v }  // strict: ties go to the lower row
            }
            guard pick >= 0 else { break }
            available[pick] = false
            linear.add(pick)
            order.append(pick)
            if pickValue < bestValue { bestValue = pickValue; bestLength = order.count }
        }
        let flips = order.prefix(bestLength).map { context.candidates[$0] }
        return Plan(method: name, flips: flips, surrogateMetric: bestValue,
                    diagnostics: ["rounds": Double(order.count), "bestPrefix": Double(bestLength),
                                  "surrogateBase": initial, "temperature": temperature],
                    notes: ["surrogate: smoothed rates sigmoid(s/\(temperature)) linearised through U at the base model "
                            + "(first order in the flips); |x| smoothed with delta \(smoothing); no retraining",
                            "kept the best of \(order.count) greedy prefixes: \(bestLength) flips"])
    }
}
