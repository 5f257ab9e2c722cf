import FairflipSolver
import Testing

@Suite("CBC binding")
struct KnapsackTests {
    /// max 5a + 4b + 3c  s.t.  2a + 3b + c <= 5,  a, b, c binary: optimum a = c = 1 (8)... or a = b = 1 (9).
    func knapsack() -> MIPProblem {
        var p = MIPProblem()
        p.sense = .maximize
        let cap = p.addRow(name: "capacity", upper: 5)
        p.addBinary(name: "a", objective: 5, entries: [(cap, 2)])
        p.addBinary(name: "b", objective: 4, entries: [(cap, 3)])
        p.addBinary(name: "c", objective: 3, entries: [(cap, 1)])
        return p
    }

    @Test func solvesAThreeVariableKnapsack() {
        let solution = CBCModel(knapsack()).solve()
        #expect(solution.status == .optimal)
        #expect(solution.values == [1, 1, 0])
        #expect(abs(solution.objective - 9) < 1e-9)
        #expect(abs(solution.bound - 9) < 1e-6)
    }

    @Test func acceptsAStartAndReportsInfeasibility() {
        let model = CBCModel(knapsack())
        model.setStart([1, 0, 1])
        #expect(model.solve().status == .optimal)

        var p = knapsack()
        p.addRow(name: "impossible", lower: 4)  // no entries: 0 >= 4
        #expect(CBCModel(p).solve().status == .infeasible)
    }
}
