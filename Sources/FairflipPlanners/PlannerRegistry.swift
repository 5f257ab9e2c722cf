/// Every planner fairflip offers, by the name used on the command line (`--method NAME`).
///
/// New methods add one line here; `--method all` and sweeps pick them up by name.
public enum PlannerRegistry {
    /// The planners in the order comparison tables list them.
    public static let all: [any Planner] = [
        // (planners register here, one line each)
        MIPPlanner(),
        RandomPlanner(),
        RBProbPlanner(),
        RBLabelPlanner(),
        RBDistPlanner(),
        MassagingPlanner(),
        GreedySurrogatePlanner(),
        GreedyRetrainPlanner(),
        GradientPlanner(),
        ExhaustivePlanner(),
    ]

    /// Names of every planner.
    public static var names: [String] { all.map(\.name) }

    /// The planner with this name, if any.
    public static func planner(named name: String) -> (any Planner)? {
        all.first { $0.name == name }
    }
}
