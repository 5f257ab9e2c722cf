/// One solve to run: the model, an optional start, and the search settings.
public struct MIPRequest: Sendable, Codable, Equatable {
    public var problem: MIPProblem
    /// A feasible assignment to start from (one value per column), if any.
    public var start: [Double]?
    public var options: SolverOptions

    public init(problem: MIPProblem, start: [Double]? = nil, options: SolverOptions = SolverOptions()) {
        self.problem = problem
        self.start = start
        self.options = options
    }
}
