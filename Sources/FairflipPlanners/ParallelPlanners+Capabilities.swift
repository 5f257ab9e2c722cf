/// The planners that retrain in parallel take their share of the process's thread budget
/// (`PlannerSettings.threads`).
extension ExhaustivePlanner {
    public var capabilities: PlannerCapabilities { PlannerCapabilities(settings: [.threads]) }

    public func configured(_ settings: PlannerSettings) -> any Planner {
        guard let threads = settings.threads else { return self }
        var planner = self
        planner.workers = max(1, threads)
        return planner
    }
}

extension GreedyRetrainPlanner {
    public var capabilities: PlannerCapabilities {
        PlannerCapabilities(settings: [.threads, .shortlist, .shortlistRanking, .planningRows])
    }

    public func configured(_ settings: PlannerSettings) -> any Planner {
        var planner = self
        if let threads = settings.threads { planner.threads = max(1, threads) }
        if let shortlist = settings.shortlist { planner.shortlist = max(1, shortlist) }
        if let ranking = settings.shortlistRanking { planner.ranking = ranking }
        if let rows = settings.planningRows { planner.planningRows = rows }
        return planner
    }
}
