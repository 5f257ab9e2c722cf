import Foundation
import FairflipSolver

/// Small models the solver tests share.
public enum SolverTestProblems {
    /// max 5a + 4b + 3c  s.t.  2a + 3b + c <= 5,  a, b, c binary: optimum a = b = 1 (9).
    public static func knapsack() -> MIPProblem {
        var p = MIPProblem()
        p.sense = .maximize
        let cap = p.addRow(name: "capacity", upper: 5)
        p.addBinary(name: "a", objective: 5, entries: [(cap, 2)])
        p.addBinary(name: "b", objective: 4, entries: [(cap, 3)])
        p.addBinary(name: "c", objective: 3, entries: [(cap, 1)])
        return p
    }

    /// A knapsack with `n` items CBC cannot close at the root: min −Σ v_i x_i s.t. Σ w_i x_i ≤ W,
    /// with deterministic pseudo-random weights and values.
    public static func hardKnapsack(items n: Int) -> MIPProblem {
        var p = MIPProblem()
        var state: UInt64 = 12345
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 1000) + 1
        }
        var total = 0.0
        var items: [(Double, Double)] = []
        for _ in 0..<n {
            let w = next(), v = w + next() / 10
            items.append((w, v))
            total += w
        }
        let cap = p.addRow(name: "capacity", upper: (total / 2).rounded())
        for (i, (w, v)) in items.enumerated() { p.addBinary(name: "x\(i)", objective: -v, entries: [(cap, w)]) }
        return p
    }
}

extension SolverTestProblems {
    /// A market-split problem (Cornuéjols and Dawande): `rows` equalities Σ a_ij x_j = ⌊Σ a_ij / 2⌋
    /// over binaries with slacks, minimising the slack. Always feasible, and famously hard for
    /// branch and bound, so a short time limit stops it.
    public static func marketSplit(rows: Int, columns: Int) -> MIPProblem {
        var p = MIPProblem()
        var state: UInt64 = 987654321
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 100)
        }
        let a = (0..<rows).map { _ in (0..<columns).map { _ in next() } }
        let r = (0..<rows).map { i in p.addRow(name: "split\(i)", lower: (a[i].reduce(0, +) / 2).rounded(.down),
                                               upper: (a[i].reduce(0, +) / 2).rounded(.down)) }
        for j in 0..<columns { p.addBinary(name: "x\(j)", entries: (0..<rows).map { (r[$0], a[$0][j]) }) }
        for i in 0..<rows {
            p.addColumn(name: "over\(i)", objective: 1, entries: [(r[i], -1)])
            p.addColumn(name: "under\(i)", objective: 1, entries: [(r[i], 1)])
        }
        return p
    }
}

/// Collects events from any thread.
public final class EventLog: @unchecked Sendable {
    public init() {}

    private let lock = NSLock()
    private var stored: [MIPEvent] = []

    public func append(_ e: MIPEvent) {
        lock.lock()
        stored.append(e)
        lock.unlock()
    }

    public var events: [MIPEvent] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    public var lines: [String] { events.compactMap { if case let .log(l) = $0 { l } else { nil } } }

    /// The incumbents reported with their values (`MIPEvent.solution`), in order.
    public var solutions: [(objective: Double, values: [Double])] {
        events.compactMap { if case let .solution(objective, values) = $0 { (objective, values) } else { nil } }
    }
}
