import FairflipData
import FairflipFairness
@testable import FairflipPlanners
import FairflipTestSupport
import Testing

/// Refinement judged by the smoothed metric (`MIPPlanner.Configuration.acceptanceTau`, issue 10).
@Suite("MIP acceptance by the smoothed metric")
struct AcceptanceTests {
    func session(acceptanceTau: Double?) throws -> (PlanningContext, PlanningSession) {
        let context = try PlanningContext(instance: Instance(specPath: RefinementTests.toy))
        var config = MIPPlanner.Configuration()
        config.timeLimit = 20
        config.acceptanceTau = acceptanceTau
        return (context, try PlanningSession(context: context, configuration: config, progress: { _ in }))
    }

    /// With a temperature, plans are compared by the retrained model's smoothed training metric;
    /// without one, by the exact metric. The reported metric is exact either way.
    @Test func retrainedPlansAreJudgedByTheConfiguredMetric() throws {
        let (context, smoothed) = try session(acceptanceTau: 0.3)
        let (_, exact) = try session(acceptanceTau: nil)
        var state = [Bool](repeating: false, count: context.candidates.count)
        for i in stride(from: 0, to: state.count, by: 3) { state[i] = true }
        let a = try smoothed.retrain(state), b = try exact.retrain(state)
        let reference = SmoothedMetric(context: context, temperature: 0.3)
            .evaluate(scores: a.evaluation.model.scores(context.instance.train.features)).value
        #expect(abs(a.judged - reference) < 1e-12)
        #expect(abs(a.judged - a.metric) > 1e-6, "the smoothed value should differ from the exact \(a.metric)")
        #expect(a.metric == b.metric && b.judged == b.metric)
        #expect(smoothed.isBetter(a, than: smoothed.base) == (a.judged < smoothed.base.judged - 1e-12))
    }

    /// The default judge is the smoothed metric at τ = 0.3; a setting of 0 asks for the exact
    /// metric, and target mode always uses it (its target is a value of the exact metric).
    @Test func theDefaultJudgeIsSmoothedExceptInTargetMode() throws {
        #expect(MIPPlanner.Configuration().acceptanceTau == 0.3)
        var exact = PlannerSettings()
        exact.acceptanceTau = 0
        #expect(MIPPlanner.Configuration().applying(exact).acceptanceTau == nil)
        let context = try PlanningContext(instance: Instance(specPath: RefinementTests.toy))
        var config = MIPPlanner.Configuration()
        #expect(try PlanningSession(context: context, configuration: config, progress: { _ in }).judge?.temperature == 0.3)
        config.target = 0.01
        #expect(try PlanningSession(context: context, configuration: config, progress: { _ in }).judge == nil)
    }

    /// The planner with smoothed acceptance still returns a plan within the budget whose reported
    /// retrained metric is the exact one of its flips, never worse by its own judge than the first solve.
    @Test func smoothedAcceptanceReportsExactMetrics() throws {
        let (context, _) = try session(acceptanceTau: 0.3)
        var config = MIPPlanner.Configuration()
        config.timeLimit = 20
        config.rounds = 2
        config.acceptanceTau = 0.3
        let result = try MIPPlanner(configuration: config).run(context, budget: 4)
        let evaluation = try PlanEvaluation(plan: result.plan, context: context)
        #expect(result.plan.flips.count <= 4)
        #expect(abs(result.retrained - evaluation.train.value(of: .eqodds)) < 1e-12)
    }
}
