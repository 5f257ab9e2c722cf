import FairflipSolver

/// A MIP built from a `LinearisedProblem`: the flip columns come first (one per candidate in
/// candidate order, unless the formulation merges interchangeable candidates: see `decode`).
protocol Formulation {
    /// The model, ready for CBC or for an MPS file.
    var problem: MIPProblem { get }
    /// Number of candidates.
    var candidateCount: Int { get }
    /// The final flip state (one entry per candidate) in a solution.
    func decode(_ values: [Double]) -> [Bool]
    /// A complete feasible assignment with the given final flip state, or nil if that state is
    /// infeasible (beyond the budget or trust region, over the error cap, short of the target).
    func start(for x: [Bool]) -> [Double]?
    /// The formulation's own prediction of the metric after plan `x` (its surrogate).
    func surrogateMetric(_ x: [Bool]) -> Double
}

extension Formulation {
    /// The final flip state in a solution whose first `candidateCount` columns are the candidates' flips.
    func decode(_ values: [Double]) -> [Bool] {
        (0..<candidateCount).map { values[$0] > 0.5 }
    }

    /// The objective of a start, or nil when the plan is infeasible.
    func startObjective(for x: [Bool]) -> Double? {
        start(for: x).map(problem.objectiveValue)
    }
}

/// Builds the column-wise entry lists of a MIP before loading them in one go.
struct ColumnEntries {
    private(set) var entries: [[(row: Int, value: Double)]]

    init(columns: Int) { entries = Array(repeating: [], count: columns) }

    mutating func add(column: Int, row: Int, value: Double) {
        if value != 0 { entries[column].append((row, value)) }
    }
}
