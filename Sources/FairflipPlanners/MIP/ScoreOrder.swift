import FairflipLinearAlgebra
import FairflipSolver

/// Score-order (dominance) inequalities `v_hi ≥ v_lo` between prediction classes: class `hi`
/// scores at least as high as class `lo` for every reachable `Δθ` (issue 9, item 2).
///
/// With `a_j = U' x_j` and at most `limit` toggles (each toggle adds one column of `U`), the score
/// difference is `s_hi − s_lo + (a_hi − a_lo)' t`, whose minimum over the toggles is
/// `s_hi − s_lo − topSum(a_lo − a_hi, limit)`; when that is ≥ 0 the ordering holds for every plan,
/// so the inequality cuts off no integer solution and the MIP stays exact for its linear model.
/// (Predictions are `score > 0`, on the formulation's shifted scores with a margin.)
/// Only the transitive reduction of the relation is emitted: the rest follows by chaining.
struct ScoreOrder: Sendable {
    /// Pairs of class indices `(hi, lo)` meaning `v_hi ≥ v_lo`.
    let edges: [(hi: Int, lo: Int)]
    /// Pairs found before the transitive reduction.
    let dominatedPairs: Int

    /// - Parameters:
    ///   - features: the classes' representative features (`C × d`).
    ///   - scores: their current (shifted) scores.
    ///   - columns: `U` (`d × m`).
    ///   - limit: the most toggles a plan may make.
    ///   - maxWork: the search examines pairs, highest-scoring classes first, until it has read
    ///     this many effect differences, then stops: the pairs found so far are all valid, so the
    ///     MIP stays exact; only fewer inequalities are added. A count, not a clock, so the same
    ///     problem always gets the same rows (on bank k = 120, 28,003 planning rows, the unbounded
    ///     search took 77 s of a 30 s plan). Compas k = 50 needs about 7.6e8.
    ///   - stopAt: also stop when this deadline passes (a loaded machine: the count alone let
    ///     bank k = 600 spend half of a 20 s plan here). Unset, the rows depend on the count only.
    init(features: Matrix, scores: [Double], columns: Matrix, limit: Int, maxWork: Double = 1e9, stopAt: Deadline? = nil) {
        let n = features.rows, m = columns.columns
        let k = min(limit, m)
        guard n > 1, m > 0, k > 0 else {
            edges = []
            dominatedPairs = 0
            return
        }
        let a = BLAS.product(features, columns)  // C × m
        // Topological order: by score, highest first (ties by index) so that edges go forward.
        let order = (0..<n).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var successors = [[Int]](repeating: [], count: n)  // positions in `order`, ascending
        var pairs = 0
        var scratch = [Double](repeating: 0, count: m)
        var diff = [Double](repeating: 0, count: m)
        var work = 0.0
        a.storage.withUnsafeBufferPointer { ap in
            search: for p in 0..<n {
                if let stopAt, stopAt.hasPassed { break search }
                let hi = order[p]
                let hiBase = hi * m
                for q in (p + 1)..<n {
                    if work > maxWork { break search }
                    let lo = order[q], loBase = lo * m
                    let slack = scores[hi] - scores[lo]
                    // Early exit: one toggle alone can already reverse the order.
                    var reversible = false
                    var positive = 0.0, positives = 0, largest = 0.0
                    for h in 0..<m {
                        let v = ap[loBase + h] - ap[hiBase + h]
                        if v > slack { reversible = true; work += Double(h + 1); break }
                        diff[h] = v
                        if v > 0 { positive += v; positives += 1; largest = max(largest, v) }
                    }
                    if reversible { continue }
                    work += Double(m)
                    // The k largest positive differences sum to at most all of them, and at most
                    // k times the largest: when either is within the slack, no sort is needed.
                    var dominated = positive <= slack || Double(k) * largest <= slack
                    if !dominated && positives > k {
                        work += Double(m)
                        dominated = diff.withUnsafeBufferPointer { Reach.topSum($0, k: k, sign: 1, scratch: &scratch) } <= slack
                    }
                    if dominated {
                        successors[p].append(q)
                        pairs += 1
                    }
                }
            }
        }
        dominatedPairs = pairs
        // Transitive reduction of the DAG (positions in topological order): visit each node's
        // successors nearest first; a successor already reachable through an earlier one is implied.
        let words = (n + 63) / 64
        var reachable = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: n)
        var edges: [(hi: Int, lo: Int)] = []
        for p in stride(from: n - 1, through: 0, by: -1) {
            var seen = [UInt64](repeating: 0, count: words)
            for q in successors[p] where seen[q / 64] & (1 << UInt64(q % 64)) == 0 {
                edges.append((order[p], order[q]))
                seen[q / 64] |= 1 << UInt64(q % 64)
                for w in 0..<words { seen[w] |= reachable[q][w] }
            }
            reachable[p] = seen
        }
        self.edges = edges.sorted { $0.hi != $1.hi ? $0.hi < $1.hi : $0.lo < $1.lo }
    }
}
