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
        // Flip and toggle counts are kept up to date move by move: `lp.withinLimits` is O(m) per
        // call, and the greedy below would make O(k m) calls (minutes on adult).
        let flipsAtState = state.filter { $0 }.count
        func allowed(flips: Int, toggles: Int) -> Bool { flips <= lp.budget && toggles <= lp.toggleLimit }
        // The counts after toggling candidate i in x (toggles counted against the current state).
        func counts(toggling i: Int, in x: [Bool], flips: Int, toggles: Int) -> (flips: Int, toggles: Int) {
            (flips + (x[i] ? -1 : 1), toggles + (x[i] != state[i] ? -1 : 1))
        }
        var topK = state
        var topKOrder: [Int] = []
        var topKCounts = (flips: flipsAtState, toggles: 0)
        for i in ranked where effect[i] < 0 || targetMode {
            let next = counts(toggling: i, in: topK, flips: topKCounts.flips, toggles: topKCounts.toggles)
            if allowed(flips: next.flips, toggles: next.toggles) {
                topK[i].toggle()
                topKCounts = next
                topKOrder.append(i)
            }
        }
        // Greedy: repeatedly the toggle that lowers the soft metric most, given those already made.
        var greedy = state, current = base, greedyOrder: [Int] = []
        var greedyCounts = (flips: flipsAtState, toggles: 0)
        var used = [Bool](repeating: false, count: m)
        let limit = min(lp.toggleLimit, m)
        while greedyOrder.count < limit {
            var best = -1, bestValue = lp.metric.value(gaps: current)
            if targetMode { bestValue = .infinity }
            for i in 0..<m where !used[i] {
                let next = counts(toggling: i, in: greedy, flips: greedyCounts.flips, toggles: greedyCounts.toggles)
                guard allowed(flips: next.flips, toggles: next.toggles) else { continue }
                let v = lp.metric.value(gaps: moved(current, by: i))
                if v < bestValue - 1e-15 { best = i; bestValue = v }
            }
            guard best >= 0 else { break }
            used[best] = true
            greedyCounts = counts(toggling: best, in: greedy, flips: greedyCounts.flips, toggles: greedyCounts.toggles)
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
