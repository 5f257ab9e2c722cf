import FairflipSolver

/// What the MIP planner declares to commands and sweeps: the settings it honours, its solver
/// summary and record, and how settings become its configuration.
extension MIPPlanner {
    public var capabilities: PlannerCapabilities {
        PlannerCapabilities(settings: [.target, .maxErrorIncrease, .timeLimit, .relativeGap, .solverThreads, .nodeLimit, .rounds,
                                       .trustRegion, .planningRows, .tau, .margin, .acceptanceTau, .gradientStart, .formulation],
                            solverRecord: true, preferredForDemo: true)
    }

    public func recordedPlan(_ context: PlanningContext, budget: Int,
                             progress: @escaping @Sendable (String) -> Void) throws -> RecordedPlan {
        let result = try run(context, budget: budget, progress: progress)
        return RecordedPlan(plan: result.plan, record: PlanRecord(configuration: configuration, result: result))
    }

    public func configured(_ settings: PlannerSettings) -> any Planner {
        MIPPlanner(configuration: configuration.applying(settings), backend: backend)
    }
}

extension MIPPlanner.Configuration {
    /// This configuration with the given settings applied.
    public func applying(_ settings: PlannerSettings) -> MIPPlanner.Configuration {
        var c = self
        if let v = settings.target { c.target = v }
        if let v = settings.maxErrorIncrease { c.maxErrorIncrease = v }
        if let v = settings.timeLimit { c.timeLimit = v }
        if let v = settings.relativeGap { c.relativeGap = v }
        if let v = settings.solverThreads { c.threads = v }
        if let v = settings.nodeLimit { c.nodeLimit = v }
        if let v = settings.rounds { c.rounds = v }
        if let v = settings.trustRegion { c.trustRegion = v }
        if let v = settings.planningRows { c.planningRows = v }
        if let v = settings.tau { c.tau = v }
        if let v = settings.margin { c.margin = v }
        if let v = settings.acceptanceTau { c.acceptanceTau = v > 0 ? v : nil }
        if let v = settings.gradientStart { c.gradientStart = v }
        if let v = settings.formulation { c.formulation = v }
        return c
    }
}

extension SolverSummary {
    /// The summary of one solve's record.
    init(_ record: SolveRecord) {
        self.init(status: record.status, gap: record.gap,
                  bound: record.bound, hitTimeLimit: record.hitTimeLimit)
        rootBound = record.rootBound
    }
}
