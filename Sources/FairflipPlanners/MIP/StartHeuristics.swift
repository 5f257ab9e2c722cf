import FairflipFairness

/// Cheap plans offered to the MIP as starts, ranked by the soft surrogate's per-toggle effect
/// (formulation.md, "The soft formulation"). The best feasible one becomes CBC's MIP start, so
/// the MIP's answer is never worse on its surrogate than any of them.
enum StartHeuristics {
    /// Named candidate plans (final flip states) for a linearised problem.
    static func plans(soft: SoftFormulation) -> [(source: String, plan: [Bool])] {
        let lp = soft.lp
        let state = lp.state
        var out: [(String, [Bool])] = [(state.contains(true) ? "current plan" : "no flips", state)]
        let m = lp.candidateCount
        guard m > 0 else { return out }
        let gaps = lp.metric.gaps
        let sign = state.map { $0 ? -1.0 : 1.0 }
        let targetMode: Bool = { if case .fewestFlips = lp.goal { return true } else { return false } }()

        // Top-k: toggles ranked by their own effect on the soft metric.
        var base = GapValues.zero
        for g in gaps { base[g] = soft.gapBase[g] + zip(soft.gapSlope[g], state).reduce(0) { $0 + ($1.1 ? $1.0 : 0) } }
        let baseValue = lp.metric.value(gaps: base)
        func moved(_ g: GapValues, by i: Int) -> GapValues {
            var h = g
            for gap in gaps { h[gap] += sign[i] * soft.gapSlope[gap][i] }
            return h
        }
        let effect = (0..<m).map { lp.metric.value(gaps: moved(base, by: $0)) - baseValue }
        let ranked = (0..<m).sorted { effect[$0] != effect[$1] ? effect[$0] < effect[$1] : $0 < $1 }
        var topK = state
        var topKOrder: [Int] = []
        for i in ranked where effect[i] < 0 || targetMode {
            topK[i].toggle()
            if lp.withinLimits(topK) { topKOrder.append(i) } else { topK[i].toggle() }
        }
        // Greedy: repeatedly the toggle that lowers the soft metric most, given those already made.
        var greedy = state, current = base, greedyOrder: [Int] = []
        var used = [Bool](repeating: false, count: m)
        let limit = min(lp.toggleLimit, m)
        while greedyOrder.count < limit {
            var best = -1, bestValue = lp.metric.value(gaps: current)
            if targetMode { bestValue = .infinity }
            for i in 0..<m where !used[i] {
                greedy[i].toggle()
                let ok = lp.withinLimits(greedy)
                greedy[i].toggle()
                guard ok else { continue }
                let v = lp.metric.value(gaps: moved(current, by: i))
                if v < bestValue - 1e-15 { best = i; bestValue = v }
            }
            guard best >= 0 else { break }
            used[best] = true
            greedy[best].toggle()
            greedyOrder.append(best)
            current = moved(current, by: best)
        }
        if targetMode {
            // Prefixes of each order: the target row decides which are feasible; the shortest wins.
            for (name, order) in [("soft top-k", topKOrder), ("soft greedy", greedyOrder)] {
                let step = max(1, order.count / 100)
                var x = state
                for (n, i) in order.enumerated() {
                    x[i].toggle()
                    if (n + 1) % step == 0 || n + 1 == order.count { out.append(("\(name) (\(n + 1))", x)) }
                }
            }
        } else {
            out.append(("soft top-k", topK))
            out.append(("soft greedy", greedy))
        }
        return out
    }
}
