import FairflipData
import FairflipLinearAlgebra

/// Nearest majority rows of each candidate, for the paper's neighbour rankings (`rb-label`, `rb-dist`).
///
/// Distances are Euclidean in the encoded (standardised, one-hot) feature space without the
/// sensitive attribute's columns and without the intercept: neighbours are chosen by what the
/// rows are, not by their group. Squared distances come from `|q|^2 + |r|^2 - 2 q.r` with the
/// cross terms from one BLAS `gemm` per block of candidates, so memory stays O(block x majority).
/// Ties are broken by the lower training-row index.
public struct MajorityNeighbours: Sendable {
    /// A neighbour: training-row index and Euclidean distance.
    public struct Neighbour: Sendable, Equatable {
        public var row: Int
        public var distance: Double
    }

    /// Feature columns the distance uses.
    public let columns: [Int]

    public init(_ instance: Instance) {
        let excluded = Set(instance.sensitiveColumns.map(\.index) + [instance.dimension - 1])
        columns = (0..<instance.dimension).filter { !excluded.contains($0) }
    }

    /// The given training rows in the distance's feature space.
    public func points(_ instance: Instance, rows: [Int]) -> Matrix {
        var m = Matrix(rows: rows.count, columns: columns.count)
        for (r, i) in rows.enumerated() {
            for (c, f) in columns.enumerated() { m[r, c] = instance.train.features[i, f] }
        }
        return m
    }

    /// For each query row, its `count` nearest rows among `references`, nearest first.
    public func nearest(_ instance: Instance, queries: [Int], references: [Int], count: Int,
                        blockSize: Int = 256) -> [[Neighbour]] {
        guard count > 0, !references.isEmpty else { return queries.map { _ in [] } }
        let ref = points(instance, rows: references)
        let refNorms = (0..<ref.rows).map { BLAS.dot(ref.row($0), ref.row($0)) }
        let keep = min(count, references.count)
        var result: [[Neighbour]] = []
        result.reserveCapacity(queries.count)
        var start = 0
        while start < queries.count {
            let block = Array(queries[start..<min(start + blockSize, queries.count)])
            let q = points(instance, rows: block)
            let cross = BLAS.product(q, ref, transposeB: true)
            for b in 0..<block.count {
                let qn = BLAS.dot(q.row(b), q.row(b))
                // Bounded insertion: the best `keep` (squared distance, reference position) pairs.
                var best: [(Double, Int)] = []
                best.reserveCapacity(keep + 1)
                for r in 0..<ref.rows {
                    let d2 = max(0, qn + refNorms[r] - 2 * cross[b, r])
                    if best.count == keep, let last = best.last, !(d2 < last.0 || (d2 == last.0 && references[r] < references[last.1])) {
                        continue
                    }
                    var pos = best.count
                    while pos > 0 && (best[pos - 1].0 > d2 || (best[pos - 1].0 == d2 && references[best[pos - 1].1] > references[r])) {
                        pos -= 1
                    }
                    best.insert((d2, r), at: pos)
                    if best.count > keep { best.removeLast() }
                }
                result.append(best.map { Neighbour(row: references[$0.1], distance: $0.0.squareRoot()) })
            }
            start += blockSize
        }
        return result
    }

    /// Each candidate's `count` nearest majority rows (aligned with `context.candidates`); with
    /// `withNewLabel`, only among the majority rows that carry the candidate's new label.
    static func ofCandidates(_ context: PlanningContext, count: Int, withNewLabel: Bool) -> [[Neighbour]] {
        let instance = context.instance
        let search = MajorityNeighbours(instance)
        guard withNewLabel else {
            return search.nearest(instance, queries: context.candidates, references: majorityRows(instance), count: count)
        }
        let targets = context.flipTargets
        var result = [[Neighbour]](repeating: [], count: targets.count)
        for label in [0.0, 1.0] {
            let positions = targets.indices.filter { targets[$0] == label }
            guard !positions.isEmpty else { continue }
            let near = search.nearest(instance, queries: positions.map { context.candidates[$0] },
                                      references: majorityRows(instance, label: label), count: count)
            for (p, list) in zip(positions, near) { result[p] = list }
        }
        return result
    }

    /// `K`, the neighbours per candidate of a neighbour ranking, checked to be positive.
    static func checkedCount(_ neighbours: Int) -> Int {
        precondition(neighbours > 0, "K must be positive")
        return neighbours
    }

    /// Training rows of the majority, optionally only those with the given label.
    public static func majorityRows(_ instance: Instance, label: Double? = nil) -> [Int] {
        let train = instance.train
        return (0..<train.count).filter { train.groups[$0] == .majority && (label == nil || train.labels[$0] == label!) }
    }
}
