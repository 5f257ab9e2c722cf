/// A mixed-integer linear program in column-wise (compressed sparse column) form.
///
/// This is the shape CBC's `Cbc_loadProblem` takes in one call; planners assemble it
/// directly so that no model is ever built row by row.
public struct MIPProblem: Sendable, Codable, Equatable {
    /// Whether the objective is minimised or maximised.
    public enum Sense: String, Sendable, Codable { case minimize, maximize }

    public var sense: Sense = .minimize
    /// Objective coefficient of each column.
    public var objective: [Double] = []
    public var columnLower: [Double] = []
    public var columnUpper: [Double] = []
    public var isInteger: [Bool] = []
    public var columnNames: [String] = []
    public var rowLower: [Double] = []
    public var rowUpper: [Double] = []
    public var rowNames: [String] = []
    /// Column `j`'s entries are `rowIndices[columnStarts[j]..<columnStarts[j+1]]` with `values` alike.
    public var columnStarts: [Int] = [0]
    public var rowIndices: [Int32] = []
    public var values: [Double] = []
    /// An optional name for the MPS file.
    public var name = "fairflip"

    public init() {}

    public var columnCount: Int { objective.count }
    public var rowCount: Int { rowLower.count }

    /// Appends a row with no entries yet (entries come with the columns) and returns its index.
    @discardableResult
    public mutating func addRow(name: String, lower: Double = -.infinity, upper: Double = .infinity) -> Int {
        rowLower.append(lower)
        rowUpper.append(upper)
        rowNames.append(name)
        return rowLower.count - 1
    }

    /// Appends a column with its entries and returns its index.
    @discardableResult
    public mutating func addColumn(
        name: String, objective c: Double = 0, lower: Double = 0, upper: Double = .infinity,
        integer: Bool = false, entries: [(row: Int, value: Double)] = []
    ) -> Int {
        objective.append(c)
        columnLower.append(lower)
        columnUpper.append(upper)
        isInteger.append(integer)
        columnNames.append(name)
        for (r, v) in entries where v != 0 {
            rowIndices.append(Int32(r))
            values.append(v)
        }
        columnStarts.append(rowIndices.count)
        return objective.count - 1
    }

    /// Appends a binary column.
    @discardableResult
    public mutating func addBinary(name: String, objective c: Double = 0, entries: [(row: Int, value: Double)] = []) -> Int {
        addColumn(name: name, objective: c, lower: 0, upper: 1, integer: true, entries: entries)
    }

    /// The objective value of a full assignment.
    public func objectiveValue(_ x: [Double]) -> Double {
        zip(objective, x).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Row activities `A x` of a full assignment.
    public func rowActivities(_ x: [Double]) -> [Double] {
        var a = [Double](repeating: 0, count: rowCount)
        for j in 0..<columnCount {
            for k in columnStarts[j]..<columnStarts[j + 1] { a[Int(rowIndices[k])] += values[k] * x[j] }
        }
        return a
    }

    /// Whether a solution with `objective` is strictly better than `start` (any solution is, without one).
    public func improves(on start: [Double]?, with objective: Double) -> Bool {
        guard let start else { return true }
        let startObjective = objectiveValue(start)
        return sense == .minimize ? objective < startObjective - 1e-9 : objective > startObjective + 1e-9
    }

    /// Whether a full assignment keeps every column and row bound and puts integer columns on
    /// integers, within `tolerance` per unit (a row's slack grows with the sum of its |entries|:
    /// integers snapped from within the solver's integrality tolerance move a row that much).
    public func isFeasible(_ x: [Double], tolerance: Double = 1e-6) -> Bool {
        guard x.count == columnCount else { return false }
        var weight = [Double](repeating: 1, count: rowCount)
        for j in 0..<columnCount {
            if x[j] < columnLower[j] - tolerance || x[j] > columnUpper[j] + tolerance { return false }
            if isInteger[j] && abs(x[j] - x[j].rounded()) > tolerance { return false }
            for k in columnStarts[j]..<columnStarts[j + 1] { weight[Int(rowIndices[k])] += abs(values[k]) }
        }
        for (i, a) in rowActivities(x).enumerated() {
            let slack = tolerance * weight[i]
            if a < rowLower[i] - slack || a > rowUpper[i] + slack { return false }
        }
        return true
    }
}
