/// Something a backend reports while it searches.
public enum MIPEvent: Sendable, Codable, Equatable {
    /// A line of the solver's own log.
    case log(String)
    /// The solver accepted (true) or discarded (false) the start.
    case start(accepted: Bool, objective: Double?)
    /// A new incumbent with this objective (from the solver's log).
    case incumbent(objective: Double)
    /// A new incumbent's values (one per column, integers snapped) and objective, as the solver
    /// accepts it: what survives when the solve is cut off before it returns.
    case solution(objective: Double, values: [Double])
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
