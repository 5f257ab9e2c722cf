/// Rows per cell (group × true label) of the two compared groups: the denominators of every rate.
public struct CellCounts: Sendable, Equatable {
    /// The four cells in the order smoothed rates use: minority favourable, minority
    /// unfavourable, majority favourable, majority unfavourable.
    public static let cells: [(group: Group, truth: Bool)] = [
        (.minority, true), (.minority, false), (.majority, true), (.majority, false),
    ]

    /// Rows per cell, in `cells` order.
    public private(set) var counts: [Int] = [0, 0, 0, 0]

    /// Counts rows by cell; rows of other groups are not counted.
    public init(truth: [Bool], groups: [Group]) {
        for (y, g) in zip(truth, groups) {
            if let c = CellCounts.index(g, truth: y) { counts[c] += 1 }
        }
    }

    /// Counts of one audit's two groups.
    public init(minority: GroupRates, majority: GroupRates) {
        counts = [minority.positives, minority.negatives, majority.positives, majority.negatives]
    }

    /// The cell of a row, or `nil` for rows of neither group.
    public static func index(_ group: Group, truth: Bool) -> Int? {
        switch group {
        case .minority: return truth ? 0 : 1
        case .majority: return truth ? 2 : 3
        case .other: return nil
        }
    }

    /// Rows of `group` with true label `truth` (every row of the group when `truth` is nil).
    public func count(_ group: Group, truth: Bool?) -> Int {
        let favourable = CellCounts.index(group, truth: true).map { counts[$0] } ?? 0
        let unfavourable = CellCounts.index(group, truth: false).map { counts[$0] } ?? 0
        switch truth {
        case true?: return favourable
        case false?: return unfavourable
        case nil: return favourable + unfavourable
        }
    }
}
