/// What a planner declares about itself, so that commands and sweeps can treat every planner
/// alike: which settings to offer it, whether its plans carry a solver summary and a record.
public struct PlannerCapabilities: Sendable, Equatable {
    /// The `PlannerSettings` the planner honours (others are refused by the command line).
    public var settings: Set<PlannerSettings.Key>
    /// Whether its plans carry `Plan.solver` and `recordedPlan` returns a `PlanRecord`.
    public var solverRecord: Bool
    /// The method `fairflip demo` and similar one-plan commands prefer when it is registered.
    public var preferredForDemo: Bool

    public init(settings: Set<PlannerSettings.Key> = [], solverRecord: Bool = false, preferredForDemo: Bool = false) {
        self.settings = settings
        self.solverRecord = solverRecord
        self.preferredForDemo = preferredForDemo
    }

    /// Target mode: the fewest flips whose retrained training metric reaches a target.
    public var targetMode: Bool { settings.contains(.target) }
}
