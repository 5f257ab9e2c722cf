import FairflipData
import FairflipFairness
import FairflipLinearAlgebra
@testable import FairflipPlanners
import FairflipSolver
import FairflipTestSupport
import Testing

/// The MIP's optimum of the linearised problem equals brute-force enumeration of the same linear model.
@Suite("MIP optimality against enumeration")
struct MIPOptimalityTests {
    func session(_ metric: FairnessMetric, formulation: MIPPlanner.FormulationKind = .hard,
                 maxErrorIncrease: Double? = nil, margin: Double = 0) throws -> PlanningSession {
        let instance = try TinyInstance.instance()
        let context = try PlanningContext(instance: instance, metric: metric)
        var config = MIPPlanner.Configuration()
        config.formulation = formulation
        config.maxErrorIncrease = maxErrorIncrease
        config.margin = margin
        return try PlanningSession(context: context, configuration: config, progress: { _ in })
    }

    @Test(arguments: FairnessMetric.allCases)
    func hardMIPMatchesEnumeration(metric: FairnessMetric) throws {
        let s = try session(metric)
        let m = s.context.candidates.count
        #expect(m >= 6 && m <= 16, "the tiny instance should have a handful of candidates, has \(m)")
        let k = 3
        let (main, _, _) = try s.firstFormulation(budget: k, goal: .lowestMetric)
        let hard = try #require(main as? HardFormulation)
        let brute = PlanEnumeration.subsets(m, k).map { hard.lp.linearAudit($0).value(of: metric) }.min()!
        // No start: the MIP alone must find the optimum.
        let outcome = try FormulationSolver.solve(hard, starts: [], backend: CBCBackend(),
                                                  options: SolverOptions(timeLimit: 60), changeableRows: nil)
        #expect(outcome.record.status == .optimal)
        #expect(abs(outcome.record.objective! - brute) < 1e-6, "MIP \(outcome.record.objective!) vs enumeration \(brute)")
        #expect(abs(hard.lp.linearAudit(outcome.plan).value(of: metric) - brute) < 1e-9)
        #expect(outcome.plan.filter { $0 }.count <= k)
    }

    /// The margin objective, enumerated from its definition (not from the shifted scores the
    /// formulation uses): a row counts as favourable iff its linear score is > -δ when the firm's
    /// model predicts it favourable, and > δ otherwise.
    @Test(arguments: [(FairnessMetric.eqodds, 0.1), (.eqodds, 0.5), (.dp, 0.3), (.eqopp, 1.0)])
    func marginMIPMatchesEnumerationOfTheMarginObjective(metric: FairnessMetric, margin: Double) throws {
        let s = try session(metric, margin: margin)
        let m = s.context.candidates.count
        let k = 3
        let (main, _, _) = try s.firstFormulation(budget: k, goal: .lowestMetric)
        let hard = try #require(main as? HardFormulation)
        let features = s.planning.features
        let baseScores = s.context.baseModel.scores(features)
        func counted(_ x: [Bool]) -> Double {
            var scores = baseScores
            BLAS.gemv(features, hard.lp.response.parameterChange(to: x), alpha: 1, beta: 1, into: &scores)
            let predictions = zip(baseScores, scores).map { $0 > 0 ? $1 > -margin : $1 > margin }
            return FairnessAudit(truth: s.planning.truth, predictions: predictions, groups: s.planning.groups).value(of: metric)
        }
        let brute = PlanEnumeration.subsets(m, k).map(counted).min()!
        let outcome = try FormulationSolver.solve(hard, starts: [], backend: CBCBackend(),
                                                  options: SolverOptions(timeLimit: 60), changeableRows: nil)
        #expect(outcome.record.status == .optimal)
        #expect(abs(outcome.record.objective! - brute) < 1e-6, "MIP \(outcome.record.objective!) vs enumeration \(brute)")
        #expect(abs(counted(outcome.plan) - brute) < 1e-9)
        #expect(abs(hard.surrogateMetric(outcome.plan) - brute) < 1e-9)
        // The zero-flip plan is feasible and keeps every reference prediction.
        let none = [Bool](repeating: false, count: m)
        #expect(hard.start(for: none) != nil)
        #expect(abs(counted(none) - s.base.evaluation.train.value(of: metric)) < 1e-9 || s.planning.count != s.context.instance.train.count)
    }

    @Test func marginChangesTheObjective() throws {
        let exact = try session(.eqodds)
        let wide = try session(.eqodds, margin: 0.5)
        let m = exact.context.candidates.count
        let (e, _, _) = try exact.firstFormulation(budget: 3, goal: .lowestMetric)
        let (w, _, _) = try wide.firstFormulation(budget: 3, goal: .lowestMetric)
        let differs = PlanEnumeration.subsets(m, 3).contains { abs(e.surrogateMetric($0) - w.surrogateMetric($0)) > 1e-9 }
        #expect(differs, "a margin of 0.5 should change some plan's counted metric on the tiny instance")
    }

    @Test func marginIsValidated() throws {
        #expect(throws: PlanningError.self) { try session(.eqodds, margin: -1) }
        #expect(throws: PlanningError.self) { try session(.eqodds, formulation: .soft, margin: 0.1) }
    }

    @Test func hardMIPWithErrorCapMatchesEnumeration() throws {
        let s = try session(.eqodds, maxErrorIncrease: 0)
        let m = s.context.candidates.count
        let (main, _, _) = try s.firstFormulation(budget: 3, goal: .lowestMetric)
        let hard = try #require(main as? HardFormulation)
        let cap = try #require(s.errorCap)
        let brute = PlanEnumeration.subsets(m, 3).compactMap { x -> Double? in
            let audit = hard.lp.linearAudit(x)
            return audit.overall.errors <= cap ? audit.value(of: .eqodds) : nil
        }.min()!
        let outcome = try FormulationSolver.solve(hard, starts: [], backend: CBCBackend(), options: SolverOptions(), changeableRows: nil)
        #expect(abs(outcome.record.objective! - brute) < 1e-6)
        #expect(hard.lp.linearAudit(outcome.plan).overall.errors <= cap)
    }

    @Test func targetModeFindsTheFewestFlipsOfTheLinearModel() throws {
        let s = try session(.eqodds)
        let m = s.context.candidates.count
        let all = PlanEnumeration.subsets(m, 4)
        let (probe, _, _) = try s.firstFormulation(budget: 4, goal: .lowestMetric)
        let values = all.map { (probe as! HardFormulation).lp.linearAudit($0).value(of: .eqodds) }
        // A target between the best and the unflipped value.
        let target = (values.min()! + values[0]) / 2
        let brute = zip(all, values).filter { $0.1 <= target }.map { $0.0.filter { $0 }.count }.min()!
        let (main, _, _) = try s.firstFormulation(budget: 4, goal: .fewestFlips(target: target))
        let outcome = try FormulationSolver.solve(main, starts: [], backend: CBCBackend(), options: SolverOptions(), changeableRows: nil)
        #expect(outcome.plan.filter { $0 }.count == brute)
    }

    @Test func softMIPMatchesEnumerationOfTheSoftSurrogate() throws {
        let s = try session(.eqodds, formulation: .soft)
        let m = s.context.candidates.count
        let (main, _, _) = try s.firstFormulation(budget: 3, goal: .lowestMetric)
        let brute = PlanEnumeration.subsets(m, 3).map { main.surrogateMetric($0) }.min()!
        let outcome = try FormulationSolver.solve(main, starts: [], backend: CBCBackend(), options: SolverOptions(), changeableRows: nil)
        #expect(abs(outcome.record.objective! - brute) < 1e-6)
    }

    @Test func reachSumsTheLargestEntries() {
        let row: [Double] = [0.5, -1, 3, 2, -0.25, 0, 7, -4, 1, 1]
        var scratch = [Double](repeating: 0, count: row.count)
        row.withUnsafeBufferPointer { p in
            for k in 0...11 {
                let up = Array(row.filter { $0 > 0 }.sorted(by: >).prefix(k)).reduce(0, +)
                let down = Array(row.filter { $0 < 0 }.sorted().prefix(k)).reduce(0, +)
                #expect(Reach.topSum(p, k: k, sign: 1, scratch: &scratch) == up)
                #expect(-Reach.topSum(p, k: k, sign: -1, scratch: &scratch) == down)
            }
        }
    }
}
