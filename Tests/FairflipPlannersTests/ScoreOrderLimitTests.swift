@testable import FairflipPlanners
import FairflipSolver
import FairflipTestSupport
import Testing

/// The score-order search's two stops: a work count (reproducible) and a deadline (loaded
/// machines). Either way it only adds fewer valid rows.
@Suite struct ScoreOrderLimitTests {
    static func order(workCap: Double = 1e9, stopAt: Deadline? = nil) throws -> ScoreOrder {
        let context = PlannerFixtures.toy("up")
        let hard = try StrongFormulationTests.hard(context, budget: 3)
        let reps = (0..<hard.classes.count).map(hard.classes.representative)
        return ScoreOrder(features: hard.lp.planning.features.selectingRows(reps), scores: reps.map { hard.lp.scores[$0] },
                          columns: hard.lp.response.columns, limit: 3, maxWork: workCap, stopAt: stopAt)
    }

    @Test func aPassedDeadlineOrNoWorkAddsNoRows() throws {
        let full = try Self.order()
        #expect(full.edges.count > 0)
        #expect(try Self.order(stopAt: Deadline(seconds: 0)).edges.isEmpty)
        #expect(full.dominatedPairs > 1)
        #expect(try Self.order(workCap: 0).dominatedPairs <= 1, "a count spent after the first pair stops the search")
        #expect(try Self.order(stopAt: Deadline(seconds: 3600)).edges.count == full.edges.count)
    }
}
