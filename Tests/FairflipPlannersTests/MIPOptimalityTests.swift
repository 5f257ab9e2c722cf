import FairflipData
import FairflipFairness
@testable import FairflipPlanners
import FairflipSolver
import FairflipTestSupport
import Testing

/// The MIP's optimum of the linearised problem equals brute-force enumeration of the same linear model.
@Suite("MIP optimality against enumeration")
struct MIPOptimalityTests {
    /// Every subset of `0..<m` with at most `k` elements.
    func subsets(_ m: Int, _ k: Int) -> [[Bool]] {
        var out: [[Bool]] = []
        func go(_ i: Int, _ x: [Bool], _ used: Int) {
            if i == m { out.append(x); return }
            go(i + 1, x + [false], used)
            if used < k { go(i + 1, x + [true], used + 1) }
        }
        go(0, [], 0)
        return out
    }

    func session(_ metric: FairnessMetric, formulation: MIPPlanner.FormulationKind = .hard,
                 maxErrorIncrease: Double? = nil) throws -> PlanningSession {
        let instance = try TinyInstance.instance()
        let context = try PlanningContext(instance: instance, metric: metric)
        var config = MIPPlanner.Configuration()
        config.formulation = formulation
        config.maxErrorIncrease = maxErrorIncrease
        return try PlanningSession(context: context, configuration: config, progress: { _ in })
    }

    @Test(arguments: [FairnessMetric.eqodds, .eqoddsMax, .dp, .eqopp])
    func hardMIPMatchesEnumeration(metric: FairnessMetric) throws {
        let s = try session(metric)
        let m = s.context.candidates.count
        #expect(m >= 6 && m <= 16, "the tiny instance should have a handful of candidates, has \(m)")
        let k = 3
        let (main, _, _) = try s.firstFormulation(budget: k, goal: .lowestMetric)
        let hard = try #require(main as? HardFormulation)
        let brute = subsets(m, k).map { hard.lp.linearAudit($0).value(of: metric) }.min()!
        // No start: the MIP alone must find the optimum.
        let outcome = try #require(FormulationSolver.solve(hard, starts: [], options: SolverOptions(timeLimit: 60),
                                                            changeableRows: nil))
        #expect(outcome.record.status == "optimal")
        #expect(abs(outcome.record.objective! - brute) < 1e-6, "MIP \(outcome.record.objective!) vs enumeration \(brute)")
        #expect(abs(hard.lp.linearAudit(outcome.plan).value(of: metric) - brute) < 1e-9)
        #expect(outcome.plan.filter { $0 }.count <= k)
    }

    @Test func hardMIPWithErrorCapMatchesEnumeration() throws {
        let s = try session(.eqodds, maxErrorIncrease: 0)
        let m = s.context.candidates.count
        let (main, _, _) = try s.firstFormulation(budget: 3, goal: .lowestMetric)
        let hard = try #require(main as? HardFormulation)
        let cap = try #require(s.errorCap)
        let brute = subsets(m, 3).compactMap { x -> Double? in
            let audit = hard.lp.linearAudit(x)
            return audit.overall.errors <= cap ? audit.value(of: .eqodds) : nil
        }.min()!
        let outcome = try #require(FormulationSolver.solve(hard, starts: [], options: SolverOptions(), changeableRows: nil))
        #expect(abs(outcome.record.objective! - brute) < 1e-6)
        #expect(hard.lp.linearAudit(outcome.plan).overall.errors <= cap)
    }

    @Test func targetModeFindsTheFewestFlipsOfTheLinearModel() throws {
        let s = try session(.eqodds)
        let m = s.context.candidates.count
        let all = subsets(m, 4)
        let (probe, _, _) = try s.firstFormulation(budget: 4, goal: .lowestMetric)
        let values = all.map { (probe as! HardFormulation).lp.linearAudit($0).value(of: .eqodds) }
        // A target between the best and the unflipped value.
        let target = (values.min()! + values[0]) / 2
        let brute = zip(all, values).filter { $0.1 <= target }.map { $0.0.filter { $0 }.count }.min()!
        let (main, _, _) = try s.firstFormulation(budget: 4, goal: .fewestFlips(target: target))
        let outcome = try #require(FormulationSolver.solve(main, starts: [], options: SolverOptions(), changeableRows: nil))
        #expect(outcome.plan.filter { $0 }.count == brute)
    }

    @Test func softMIPMatchesEnumerationOfTheSoftSurrogate() throws {
        let s = try session(.eqodds, formulation: .soft)
        let m = s.context.candidates.count
        let (main, _, _) = try s.firstFormulation(budget: 3, goal: .lowestMetric)
        let brute = subsets(m, 3).map { main.surrogateMetric($0) }.min()!
        let outcome = try #require(FormulationSolver.solve(main, starts: [], options: SolverOptions(), changeableRows: nil))
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
