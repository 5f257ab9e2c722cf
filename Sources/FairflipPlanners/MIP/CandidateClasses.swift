import FairflipLinearAlgebra

/// Candidates grouped by identical influence columns and current state: toggling any member of a
/// class moves `Δθ` by the same `u`, so the linear model only sees how many members of each
/// class end up flipped, and the hard formulation gives each class one integer column
/// (`0…size`) instead of `size` interchangeable binaries (issue 9, item 2).
///
/// Equal columns come from equal `C w_i (2 y_i − 1) x_i`: the members are copies of one training
/// row (same features, weight and label), so which of them flip changes neither the linear model
/// nor the retrained one. Merging removes the binaries' symmetry (CBC would otherwise branch on
/// interchangeable copies) and is what CBC's own preprocessing does, which we cannot use when a
/// start is given (the start no longer maps onto the preprocessed model). It removes no plan:
/// every count vector within the budget is a plan and vice versa. On compas (1,170 candidates,
/// 810 distinct columns) it is also what lets CBC's Gomory cuts lift the root bound without
/// preprocessing.
struct CandidateClasses: Sendable {
    /// Candidate indices of each class, ascending; classes ordered by their first candidate.
    let members: [[Int]]
    /// The class of each candidate.
    let classOf: [Int]

    /// Groups the candidates by the exact bits of their influence column (`columns`, `d × m`) and
    /// their current state.
    init(columns: Matrix, state: [Bool]) {
        let d = columns.rows, m = columns.columns
        var index: [[UInt64]: Int] = [:]
        var members: [[Int]] = [], classOf: [Int] = []
        classOf.reserveCapacity(m)
        for i in 0..<m {
            var key = (0..<d).map { columns[$0, i].bitPattern }
            key.append(state[i] ? 1 : 0)
            if let c = index[key] {
                members[c].append(i)
                classOf.append(c)
            } else {
                index[key] = members.count
                classOf.append(members.count)
                members.append([i])
            }
        }
        self.members = members
        self.classOf = classOf
    }

    /// Every candidate in a class of its own (the formulation without merging).
    init(singletons m: Int) {
        members = (0..<m).map { [$0] }
        classOf = Array(0..<m)
    }

    var count: Int { members.count }

    /// The candidate standing for class `c` (its first member).
    func representative(_ c: Int) -> Int { members[c][0] }

    /// How many candidates of each class a final flip state flips.
    func counts(_ x: [Bool]) -> [Int] {
        var n = [Int](repeating: 0, count: count)
        for (i, flipped) in x.enumerated() where flipped { n[classOf[i]] += 1 }
        return n
    }

    /// The final flip state with `counts[c]` members of class `c` flipped: its first members, so
    /// that equal counts always give the same plan.
    func plan(counts: [Int], candidates m: Int) -> [Bool] {
        var x = [Bool](repeating: false, count: m)
        for (c, rows) in members.enumerated() {
            for i in rows.prefix(max(0, min(counts[c], rows.count))) { x[i] = true }
        }
        return x
    }
}
