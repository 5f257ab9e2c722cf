/// A way of choosing flips under a budget. Every method (the MIP, the paper's heuristics,
/// greedy, gradient, exhaustive) conforms, so they can be run and compared alike.
public protocol Planner: Sendable {
    /// The method's name on the command line and in reports.
    var name: String { get }

    /// Chooses at most `budget` candidates of `context` to flip.
    ///
    /// - Parameter progress: called with short status lines during long work (may be ignored).
    func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan
}

/// Why a planner could not plan.
public struct PlanningError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
