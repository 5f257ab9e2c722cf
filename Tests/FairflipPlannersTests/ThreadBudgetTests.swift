import FairflipPlanners
import Testing

@Suite struct ThreadBudgetTests {
    @Test(arguments: [1, 2, 3, 8, 64])
    func jobsTimesThreadsNeverExceedTheCores(cores: Int) {
        for jobs in 1...70 {
            let budget = ThreadBudget(jobs: jobs, cores: cores)
            #expect(budget.jobs >= 1 && budget.threadsPerJob >= 1)
            #expect(budget.jobs * budget.threadsPerJob <= cores, "jobs \(jobs) on \(cores) cores")
            #expect(budget.jobs == min(jobs, cores))
        }
        #expect(ThreadBudget(jobs: 1, cores: cores).threadsPerJob == cores)
    }

    @Test func parallelPlannersTakeTheirShare() throws {
        var settings = PlannerSettings()
        settings.threads = 3
        let exhaustive = try #require(ExhaustivePlanner(workers: 8).configured(settings) as? ExhaustivePlanner)
        #expect(exhaustive.workers == 3)
        let greedy = try #require(GreedyRetrainPlanner(threads: 8).configured(settings) as? GreedyRetrainPlanner)
        #expect(greedy.threads == 3)
        // Planners that do not run threads leave the setting aside.
        #expect(!RBProbPlanner().capabilities.settings.contains(.threads))
    }
}
