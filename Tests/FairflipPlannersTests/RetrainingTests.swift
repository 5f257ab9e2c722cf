import FairflipData
import FairflipFairness
import FairflipLearning
import FairflipLinearAlgebra
@testable import FairflipPlanners
import Testing

/// One influence computation, one Hessian factor, one retrain path (issue 8 item 3).
@Suite struct RetrainingTests {
    @Test("the MIP's linear response is the planners' influence columns")
    func linearResponseIsTheInfluenceColumns() throws {
        let context = PlannerFixtures.toySmall
        let flipped = [true] + [Bool](repeating: false, count: context.candidates.count - 1)
        let model = try context.retrain(flipping: [context.candidates[0]])
        let response = try LinearResponse(context: context, state: flipped, model: model)
        let influence = context.influence(of: context.candidates, labels: context.labels(flipping: [context.candidates[0]]),
                                          factor: try context.hessianFactor(at: model.parameters))
        #expect(response.columns.storage == influence.columns.storage)
        // u_i is one Newton step toward the model retrained with i toggled: to first order it is the change.
        let i = 1
        let toggled = try context.retrain(flipping: [context.candidates[0], context.candidates[i]])
        let change = zip(toggled.parameters, model.parameters).map { $0 - $1 }
        let u = response.columns.column(i)
        let error = zip(change, u).map { abs($0 - $1) }.max() ?? 0
        #expect(error < 0.1 * (u.map(abs).max() ?? 0), "u \(u) vs retrained change \(change)")
    }

    @Test("plan evaluation, chord refits and the retrain helper fit the same model")
    func oneRetrainPath() throws {
        let context = PlannerFixtures.toySmallBoth
        let flips = Array(context.candidates.prefix(3))
        let evaluation = try PlanEvaluation(flips: flips, context: context)
        let direct = try context.retrain(flipping: flips)
        #expect(evaluation.model.parameters == direct.parameters)
        let (chord, _) = try ChordRefit(context: context).fit(
            labels: context.labels(flipping: flips), start: context.baseModel.parameters,
            factor: try context.hessianFactor(at: context.baseModel.parameters))
        for (a, b) in zip(chord.parameters, direct.parameters) { #expect(abs(a - b) < 1e-7) }
        #expect(evaluation.train.value(of: context.metric) == context.trainingMetric(of: direct))
    }

    @Test("the reach keeps the changeable rows' score changes X_C U for local search, within a size cap")
    func reachKeepsTheScoreChanges() throws {
        let context = PlannerFixtures.toySmall
        let planning = PlanningSet(instance: context.instance, limit: nil, seed: 0)
        let response = try LinearResponse(context: context, state: [Bool](repeating: false, count: context.candidates.count),
                                          model: context.baseModel)
        let scores = context.baseModel.scores(planning.features)
        let include = [Bool](repeating: true, count: planning.count)
        let m = response.count
        let reach = Reach(features: planning.features, scores: scores, columns: response.columns, limit: 3,
                          include: include, blockSize: 7, keptEffects: .max)
        #expect(!reach.changeable.isEmpty)
        let effects = try #require(reach.effects)
        let direct = BLAS.product(planning.features.selectingRows(reach.changeable), response.columns)
        #expect(effects.rows == reach.changeable.count && effects.columns == m)
        for (a, b) in zip(effects.storage, direct.storage) { #expect(abs(a - b) < 1e-12) }
        let capped = Reach(features: planning.features, scores: scores, columns: response.columns, limit: 3,
                           include: include, keptEffects: reach.changeable.count * m - 1)
        #expect(capped.effects == nil && capped.changeable == reach.changeable)
        #expect(Reach(features: planning.features, scores: scores, columns: response.columns, limit: 3,
                      include: include).effects == nil)
    }
}
