import FairflipFairness
import FairflipLinearAlgebra
import FairflipSolver

/// Improves a plan on the hard linear surrogate with add, drop and swap moves (lowering the
/// metric; in target mode it then drops flips while the target holds), for a strong MIP start: CBC's LP bound is weak on this model, so a good incumbent matters when time is short.
///
/// Only rows whose prediction can change are tracked; their score changes `A = X_C U` are the
/// ones the reach computed (kept when at most `maxEntries`), otherwise the search is skipped.
enum HardLocalSearch {
    /// The largest `A` (entries) the search works with.
    static let maxEntries = 20_000_000

    /// - Parameter deadline: when it passes, the search stops after the move in hand and returns
    ///   the plan reached so far (still no worse than `start`); nil: no time limit.
    static func improve(_ f: HardFormulation, from start: [Bool], maxMoves: Int = 400, swapPool: Int = 40,
                        deadline: Deadline? = nil) -> [Bool]? {
        let lp = f.lp
        let rowsC = f.reach.changeable
        let m = lp.candidateCount
        guard !rowsC.isEmpty, m > 0, let a = f.reach.effects, lp.withinLimits(start) else { return nil }  // a: |C| × m
        let gaps = lp.metric.gaps
        let weights = gaps.map { g in rowsC.map { lp.gapWeights[g][$0] } }
        let truth = rowsC.map { lp.planning.truth[$0] }
        var fixedGap = [Double](repeating: 0, count: gaps.count)
        var fixedErrors = 0
        let changing = Set(rowsC)
        for j in 0..<lp.planning.count where !changing.contains(j) {
            let p = lp.scores[j] > 0
            for (g, gap) in gaps.enumerated() where p { fixedGap[g] += lp.gapWeights[gap][j] }
            if p != lp.planning.truth[j] { fixedErrors += 1 }
        }
        let all = lp.linearScores(start)
        var scores = rowsC.map { all[$0] }
        var x = start
        let state = lp.state
        var flips = x.filter { $0 }.count
        var toggles = zip(x, state).filter { $0 != $1 }.count

        func evaluate(_ s: [Double]) -> (metric: Double, errors: Int) {
            var g = fixedGap, errors = fixedErrors
            for r in s.indices {
                let p = s[r] > 0
                if p { for k in g.indices { g[k] += weights[k][r] } }
                if p != truth[r] { errors += 1 }
            }
            var values = GapValues.zero
            for (k, gap) in gaps.enumerated() { values[gap] = g[k] }
            return (lp.metric.value(gaps: values), errors)
        }
        func feasible(_ e: Int) -> Bool { lp.errorCap.map { e <= $0 } ?? true }
        // Moving candidate i changes its toggle by +1 (toggled now) or -1.
        func delta(_ i: Int) -> Double { x[i] != state[i] ? -1 : 1 }
        func moved(_ s: [Double], _ i: Int) -> [Double] {
            let d = delta(i)
            var out = s
            for r in out.indices { out[r] += d * a[r, i] }
            return out
        }
        func allowed(adding: Int, toggling: Int) -> Bool {
            flips + adding <= lp.budget && toggles + toggling <= lp.toggleLimit
        }
        var current = evaluate(scores)
        guard feasible(current.errors) else { return nil }
        var moves = 0
        while moves < maxMoves && !(deadline?.hasPassed ?? false) {
            var best: (metric: Double, scores: [Double], change: [Int])?
            var singles: [(Int, Double)] = []
            for i in 0..<m {
                let adding = x[i] ? -1 : 1
                let toggling = x[i] != state[i] ? -1 : 1
                let s = moved(scores, i)
                let e = evaluate(s)
                singles.append((i, e.metric))
                guard allowed(adding: adding, toggling: toggling), feasible(e.errors) else { continue }
                if e.metric < (best?.metric ?? current.metric) - 1e-12 { best = (e.metric, s, [i]) }
            }
            if best == nil {
                // Swaps: drop a flipped candidate, add one of the most promising others.
                let pool = singles.filter { !x[$0.0] }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(swapPool)
                for i in 0..<m where x[i] {
                    let afterDrop = moved(scores, i)
                    x[i].toggle()
                    for (j, _) in pool {
                        let toggling = (x[i] != state[i] ? 1 : -1) + (x[j] != state[j] ? -1 : 1)
                        guard allowed(adding: 0, toggling: toggling) else { continue }
                        let s = moved(afterDrop, j)
                        let e = evaluate(s)
                        guard feasible(e.errors) else { continue }
                        if e.metric < (best?.metric ?? current.metric) - 1e-12 { best = (e.metric, s, [i, j]) }
                    }
                    x[i].toggle()
                }
            }
            guard let move = best else { break }
            for i in move.change {
                flips += x[i] ? -1 : 1
                toggles += x[i] != state[i] ? -1 : 1
                x[i].toggle()
            }
            scores = move.scores
            current = evaluate(scores)
            moves += 1
        }
        // Target mode: drop flips while the target still holds (fewest flips is the objective).
        if case .fewestFlips(let target) = lp.goal, current.metric <= target {
            while !(deadline?.hasPassed ?? false) {
                var best: (metric: Double, scores: [Double], i: Int)?
                for i in 0..<m where x[i] && !state[i] {
                    let s = moved(scores, i)
                    let e = evaluate(s)
                    guard e.metric <= target, feasible(e.errors) else { continue }
                    if e.metric < (best?.metric ?? .infinity) { best = (e.metric, s, i) }
                }
                guard let drop = best else { break }
                x[drop.i] = false
                flips -= 1
                toggles -= 1
                scores = drop.scores
                current = evaluate(scores)
            }
        }
        return x
    }
}
