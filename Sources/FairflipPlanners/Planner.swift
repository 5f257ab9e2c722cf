/// A way of choosing flips under a budget. Every method (the MIP, the paper's heuristics,
/// greedy, gradient, exhaustive) conforms, so they can be run and compared alike.
///
/// Code outside a planner never asks which planner it holds: it reads `capabilities` (what the
/// planner can do and which `PlannerSettings` it honours), hands settings to `configured(_:)`,
/// and reads the typed facts a plan carries (`Plan.solver`, `PlanRecord`).
public protocol Planner: Sendable {
    /// The method's name on the command line and in reports.
    var name: String { get }

    /// What the planner can do beyond planning at a budget, and the settings it honours.
    var capabilities: PlannerCapabilities { get }

    /// Chooses at most `budget` candidates of `context` to flip.
    ///
    /// - Parameter progress: called with short status lines during long work (may be ignored).
    func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan

    /// Plans like `plan` and also returns the planner's own account of how it got there (solves,
    /// refinement rounds, target probes), when it keeps one (`capabilities.solverRecord`).
    func recordedPlan(_ context: PlanningContext, budget: Int,
                      progress: @escaping @Sendable (String) -> Void) throws -> RecordedPlan

    /// This planner with `settings` applied; settings it does not honour are left aside (the
    /// command line refuses them beforehand, from `capabilities.settings`).
    func configured(_ settings: PlannerSettings) -> any Planner
}

extension Planner {
    /// A plain planner: plans at a budget, keeps no record, honours no settings.
    public var capabilities: PlannerCapabilities { PlannerCapabilities() }

    public func recordedPlan(_ context: PlanningContext, budget: Int,
                             progress: @escaping @Sendable (String) -> Void) throws -> RecordedPlan {
        RecordedPlan(plan: try plan(context, budget: budget, progress: progress), record: nil)
    }

    public func configured(_ settings: PlannerSettings) -> any Planner { self }
}

/// Why a planner could not plan.
public struct PlanningError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
