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

/// Something a backend reports while it searches.
public enum MIPEvent: Sendable, Codable, Equatable {
    /// A line of the solver's own log.
    case log(String)
    /// The solver accepted (true) or discarded (false) the start.
    case start(accepted: Bool, objective: Double?)
    /// A new incumbent with this objective.
    case incumbent(objective: Double)
    /// The root node's bound after cuts.
    case rootBound(Double)
    /// A new best bound.
    case bound(Double)
}

/// A MIP solver behind one interface: the planner talks to this, never to a solver's API.
///
/// Backends are values that can be shared between threads; whether two solves may run at once
/// is the backend's business (the in-process CBC backend serialises them, the worker backend
/// runs each in its own process).
public protocol MIPBackend: Sendable {
    /// A short name for reports ("cbc", "cbc-worker").
    var name: String { get }
    /// Solves `request`, calling `events` (from any thread) as the search progresses.
    /// Throws `MIPSolverError` when no result could be obtained at all.
    func solve(_ request: MIPRequest, events: @escaping @Sendable (MIPEvent) -> Void) throws -> MIPResult
}

extension MIPBackend {
    /// Solves without listening to events.
    public func solve(_ request: MIPRequest) throws -> MIPResult {
        try solve(request, events: { _ in })
    }
}
