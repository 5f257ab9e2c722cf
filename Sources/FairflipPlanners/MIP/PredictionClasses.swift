import FairflipLinearAlgebra

/// Changeable planning rows grouped by identical features: rows with the same features have the
/// same linear score for every `Δθ`, so they take the same prediction whatever their group or
/// label, and the hard formulation gives each class one prediction binary (issue 9: 117 such
/// classes cover 678 of compas's rows, and separate binaries let the LP relaxation split them).
struct PredictionClasses: Sendable {
    /// Planning-row indices of each class, ascending; classes ordered by their first row.
    let members: [[Int]]
    /// For each class, its position in `Reach.changeable` of its first row (the representative).
    let reachIndex: [Int]

    /// Groups `reach.changeable` by the exact feature values of the rows.
    init(features: Matrix, reach: Reach) {
        var index: [[Double]: Int] = [:]
        var members: [[Int]] = [], reachIndex: [Int] = []
        for (r, j) in reach.changeable.enumerated() {
            let key = features.row(j)
            if let c = index[key] {
                members[c].append(j)
            } else {
                index[key] = members.count
                members.append([j])
                reachIndex.append(r)
            }
        }
        self.members = members
        self.reachIndex = reachIndex
    }

    var count: Int { members.count }

    /// The planning row standing for class `c`.
    func representative(_ c: Int) -> Int { members[c][0] }
}
