import FairflipData
import FairflipLinearAlgebra
import FairflipPlanners
import Testing

/// The paper's scores and massaging, reproduced on the micro instance by hand
/// (see `PlannerFixtures.micro` for the rows; candidates are rows 5, 6, 8, 9; K = 2).
@Suite struct RankingScoreTests {
    @Test func microInstanceIsWhatTheTestsAssume() throws {
        let context = try PlannerFixtures.micro()
        #expect(context.candidates == [5, 6, 8, 9])
        #expect(context.instance.featureNames == ["x", "g=A", "g=B", "(intercept)"])
        #expect(context.instance.sensitiveColumns.map(\.index) == [1, 2])
    }

    @Test func rbLabelCountsFavourableNeighbours() throws {
        let context = try PlannerFixtures.micro()
        // x = 1.4: nearest majority x = 1 (label 1), 2 (0) -> 1
        // x = 5.2: 6 (0), 4 (1) -> 1;  x = -0.3: 0 (1), 1 (1) -> 2;  x = 7: 6 (0), 4 (1) -> 1
        #expect(RBLabelPlanner(neighbours: 2).scores(context) == [1, 1, 2, 1])
        // K = 5: every majority row; three of the five are favourable.
        #expect(RBLabelPlanner(neighbours: 5).scores(context) == [3, 3, 3, 3])
        let plan = try RBLabelPlanner(neighbours: 2).plan(context, budget: 2, progress: PlannerFixtures.silent)
        #expect(plan.flips == [5, 8])  // 8 scores 2; then 5 wins the tie at 1 by row order
    }

    @Test func rbDistAveragesDistancesToFavourableMajorityRows() throws {
        let context = try PlannerFixtures.micro()
        let sd = PlannerFixtures.microScale
        // Favourable majority rows sit at x = 0, 1, 4. Distances are in standardised units and
        // ignore the group's one-hot columns (which would add sqrt(2) to every distance).
        let means: [Double] = [(0.4 + 1.4) / 2, (1.2 + 4.2) / 2, (0.3 + 1.3) / 2, (3.0 + 6.0) / 2]
        let expected = means.map { -$0 / sd }
        let scores = RBDistPlanner(neighbours: 2).scores(context)
        for (s, e) in zip(scores, expected) { #expect(abs(s - e) < 1e-12, "\(s) vs \(e)") }
        // Fewer favourable rows than K: the mean is over the three there are.
        let wide = RBDistPlanner(neighbours: 5).scores(context)
        #expect(abs(wide[0] + (0.4 + 1.4 + 2.6) / 3 / sd) < 1e-12)
        let plan = try RBDistPlanner(neighbours: 2).plan(context, budget: 3, progress: PlannerFixtures.silent)
        #expect(plan.flips == [5, 6, 8])
    }

    @Test func rbProbMatchesScikitLearnOnTheMajority() throws {
        let context = try PlannerFixtures.micro()
        // scikit-learn LogisticRegression(C=1, newton-cholesky, tol=1e-14) on rows 0-4 with
        // columns [x standardised, g=A, g=B], evaluated at each candidate with g=A 0 and g=B 1.
        let expected = [0.6741815883636351, 0.44620311478827895, 0.7593482407228515, 0.3401121178565698]
        // (1e-8: the learner stops once Newton's decrement is at the objective's round-off level.)
        let scores = try RBProbPlanner.scores(context)
        for (s, e) in zip(scores, expected) { #expect(abs(s - e) < 1e-8, "\(s) vs \(e)") }
        #expect(RBProbPlanner.counterfactualColumn(context.instance) == 2)
        let x = RBProbPlanner.counterfactualFeatures(context.instance, rows: [5])
        #expect(x.row(0)[1...2] == [0, 1])
        let plan = try RBProbPlanner().plan(context, budget: 2, progress: PlannerFixtures.silent)
        #expect(plan.flips == [5, 8])
    }

    @Test func massagingFlipsWhatTheFirmScoresHighest() throws {
        let context = try PlannerFixtures.micro()
        let s = context.baseModel.scores(context.instance.train.features)
        #expect(MassagingPlanner.scores(context) == context.candidates.map { s[$0] })
        let order = context.candidates.sorted { s[$0] > s[$1] }
        let plan = try MassagingPlanner().plan(context, budget: 2, progress: PlannerFixtures.silent)
        #expect(plan.flips == Array(order.prefix(2)).sorted())
    }

    @Test func massagingDownFlipsTheLowestScoredPositives() throws {
        let context = PlannerFixtures.toySmallDown
        let s = context.baseModel.scores(context.instance.train.features)
        let order = context.candidates.sorted { s[$0] < s[$1] }
        let plan = try MassagingPlanner().plan(context, budget: 2, progress: PlannerFixtures.silent)
        #expect(plan.flips == Array(order.prefix(2)).sorted())
    }
}
