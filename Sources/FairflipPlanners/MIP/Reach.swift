import FairflipLinearAlgebra

/// Which planning rows can change prediction with at most `limit` toggles, and how far their
/// scores can move (formulation.md, "Which rows can change prediction (reach)").
///
/// `a_j = U' x_j` is computed for a block of rows at a time with one BLAS `gemm`
/// (`X_block · U`), so memory stays `O(block · m)`; only the top-`limit` sums are kept.
struct Reach: Sendable {
    /// Planning-row indices that can change prediction, ascending.
    let changeable: [Int]
    /// For each changeable row: the largest possible score rise (sum of the `limit` largest positive `a_ji`).
    let up: [Double]
    /// For each changeable row: the largest possible fall (sum of the `limit` most negative `a_ji`, ≤ 0).
    let down: [Double]
    /// The changeable rows' score changes per toggle, `A = X_C U` (`|C| × m`), when kept (see `init`).
    let effects: Matrix?

    /// - Parameters:
    ///   - features: planning rows' features (`n × d`).
    ///   - scores: their current scores.
    ///   - columns: `U` (`d × m`).
    ///   - limit: the most toggles a plan may make.
    ///   - include: which rows need a variable at all (rows of neither group only matter for an error cap).
    ///   - keptEffects: keep `effects` when it has at most this many entries (local search reuses it).
    init(features: Matrix, scores: [Double], columns: Matrix, limit: Int, include: [Bool], blockSize: Int = 512,
         keptEffects: Int = 0) {
        let n = features.rows, d = features.columns, m = columns.columns
        var changeable: [Int] = [], up: [Double] = [], down: [Double] = []
        var kept: [Double]? = keptEffects >= m ? [] : nil
        let k = min(limit, m)
        var scratch = [Double](repeating: 0, count: m)
        if k > 0 && m > 0 {
            var start = 0
            while start < n {
                let rows = min(blockSize, n - start)
                let block = Matrix(rows: rows, columns: d,
                                   storage: Array(features.storage[(start * d)..<((start + rows) * d)]))
                let a = BLAS.product(block, columns)  // rows × m
                a.storage.withUnsafeBufferPointer { ap in
                    for r in 0..<rows {
                        let j = start + r
                        guard include[j] else { continue }
                        let row = UnsafeBufferPointer(rebasing: ap[(r * m)..<((r + 1) * m)])
                        let s = scores[j]
                        var hi = 0.0, lo = 0.0
                        for v in row { hi = max(hi, v); lo = min(lo, v) }
                        // Cheap bounds first: k times the largest entry bounds the k-sum.
                        if s > 0 ? s + Double(k) * lo > 0 : s + Double(k) * hi <= 0 { continue }
                        let u = Reach.topSum(row, k: k, sign: 1, scratch: &scratch)
                        let dn = -Reach.topSum(row, k: k, sign: -1, scratch: &scratch)
                        if s > 0 ? s + dn <= 0 : s + u > 0 {
                            changeable.append(j)
                            up.append(u)
                            down.append(dn)
                            if kept != nil, (changeable.count * m) <= keptEffects { kept?.append(contentsOf: row) } else { kept = nil }
                        }
                    }
                }
                start += rows
            }
        }
        self.changeable = changeable
        self.up = up
        self.down = down
        effects = kept.map { Matrix(rows: changeable.count, columns: m, storage: $0) }
    }

    /// Sum of the `k` largest values of `sign · row` that are positive (quickselect, O(m)).
    static func topSum(_ row: UnsafeBufferPointer<Double>, k: Int, sign: Double, scratch: inout [Double]) -> Double {
        var count = 0
        for v in row where sign * v > 0 {
            scratch[count] = sign * v
            count += 1
        }
        if count <= k {
            var s = 0.0
            for i in 0..<count { s += scratch[i] }
            return s
        }
        // Partially order scratch[0..<count] so that its first k entries are the k largest.
        var lo = 0, hi = count - 1
        while lo < hi {
            let pivot = scratch[(lo + hi) / 2]
            var i = lo, j = hi
            while i <= j {
                while scratch[i] > pivot { i += 1 }
                while scratch[j] < pivot { j -= 1 }
                if i <= j {
                    scratch.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k - 1 <= j { hi = j } else if k - 1 >= i { lo = i } else { break }
        }
        var s = 0.0
        for i in 0..<k { s += scratch[i] }
        return s
    }
}
