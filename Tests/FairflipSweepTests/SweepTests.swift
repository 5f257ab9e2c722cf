import FairflipResults
import FairflipTestSupport
import Foundation
import Testing
@testable import FairflipSweep

@Suite struct SweepTests {
    @Test func writesOneRowPerCellWithErrorsRecorded() throws {
        let out = temporaryFolder()
        defer { removeFolder(out) }
        let outcome = try Sweep.run(toyConfiguration(output: out))
        #expect(outcome.total == 2 * 2 * 3 * 3)
        #expect(outcome.computed == outcome.total && outcome.skipped == 0)
        let records = try ResultsTable.read(path: outcome.resultsPath)
        #expect(records.count == outcome.total)
        #expect(Set(records.map(\.key)).count == records.count)
        // The refusing planner's k = 4 cells are error rows, not an aborted sweep.
        let refused = records.filter { $0.method == "refusing" && $0.budget == 4 }
        #expect(refused.count == 4)
        #expect(refused.allSatisfy { $0.status == "error: budget 4 is too large for this planner" })
        #expect(outcome.failed == 4)
        // Budget 0 is the base model, equal for every method.
        let base = records.filter { $0.budget == 0 && $0.alpha == 1.0 && $0.seed == 0 }
        #expect(base.count == 3 && Set(base.map { $0.test.eqodds }).count == 1 && base.allSatisfy { $0.flips == 0 })
        // Plans' facts land in their columns.
        let first = try #require(records.first { $0.method == "first-k" && $0.budget == 2 })
        #expect(first.isOK && first.flips == 2 && first.solverStatus == "optimal" && first.solverGap == 0.25)
        #expect(first.diagnostics == "rounds=3")
        #expect(first.notes.contains("\"quotes\""))
        #expect(first.test.eqodds != nil && first.train.error != nil && first.wallSeconds == nil)
        let last = try #require(records.first { $0.method == "last-k" && $0.budget == 4 })
        #expect(last.surrogate == 0.14)
    }

    @Test func budgetsAboveTheCandidatesAreErrorRowsLikePlanRefusesThem() throws {
        let out = temporaryFolder()
        defer { removeFolder(out) }
        var config = toyConfiguration(output: out, planners: [FirstK()])
        config.budgets = [50, 100]
        config.alphas = [1.0]
        config.seeds = [0]
        let records = try ResultsTable.read(path: try Sweep.run(config).resultsPath)
        let over = try #require(records.first { $0.budget == 100 })
        let candidates = try #require(over.candidates)
        #expect(candidates < 100 && over.flips == nil)
        #expect(over.status == "error: the budget 100 exceeds the \(candidates) candidates (collective members who may flip)")
        #expect(records.first { $0.budget == 50 }?.isOK == true)
    }

    @Test func outputDoesNotDependOnJobs() throws {
        let a = temporaryFolder(), b = temporaryFolder()
        defer { removeFolder(a); removeFolder(b) }
        let ra = try Sweep.run(toyConfiguration(output: a, jobs: 1))
        let rb = try Sweep.run(toyConfiguration(output: b, jobs: 3))
        #expect(contents(ra.resultsPath) == contents(rb.resultsPath))
        #expect(!contents(ra.resultsPath).isEmpty)
    }

    @Test func resumeSkipsCompletedCells() throws {
        let out = temporaryFolder()
        defer { removeFolder(out) }
        let first = try Sweep.run(toyConfiguration(output: out))
        let full = contents(first.resultsPath)
        // Interrupt: keep the header and 10 rows, in a scrambled completion order, plus a torn line.
        var lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()  // the empty string after the final newline
        let kept = [lines[0]] + Array(lines[1...10].reversed())
        let torn = String(lines[11].prefix(25))
        try (kept.joined(separator: "\n") + "\n" + torn).write(toFile: first.resultsPath, atomically: true, encoding: .utf8)
        let second = try Sweep.run(toyConfiguration(output: out))
        #expect(second.skipped == 10)
        #expect(second.computed == first.total - 10)
        #expect(contents(second.resultsPath) == full)
        // A third run has nothing to do and leaves the file alone.
        let third = try Sweep.run(toyConfiguration(output: out))
        #expect(third.computed == 0 && third.skipped == first.total)
        #expect(contents(third.resultsPath) == full)
    }

    @Test func shardsMergeToTheWholeSweep() throws {
        let whole = temporaryFolder(), sharded = temporaryFolder()
        defer { removeFolder(whole); removeFolder(sharded) }
        let all = try Sweep.run(toyConfiguration(output: whole))
        var total = 0
        for i in 0..<3 {
            let r = try Sweep.run(toyConfiguration(output: sharded, jobs: 1, shard: Shard(index: i, count: 3)))
            #expect(r.resultsPath.hasSuffix("results.shard-\(i)-of-3.csv"))
            total += r.total
        }
        #expect(total == all.total)
        let merged = try ResultsTable.readFolder(sharded)
        let reference = try ResultsTable.read(path: all.resultsPath)
        #expect(merged.count == reference.count)
        let byKey = Dictionary(uniqueKeysWithValues: reference.map { ($0.key, $0) })
        #expect(merged.allSatisfy { byKey[$0.key] == $0 })
    }

    @Test func rejectsAlphasOutOfRangeAndForeignFiles() throws {
        let out = temporaryFolder()
        defer { removeFolder(out) }
        var config = toyConfiguration(output: out)
        config.alphas = [0, 0.5]
        #expect(throws: SweepError.self) { try Sweep.run(config) }
        try "a,b\n1,2\n".write(toFile: out + "/results.csv", atomically: true, encoding: .utf8)
        #expect(throws: SweepError.self) { try Sweep.run(toyConfiguration(output: out)) }
    }

    @Test func refusesToResumeCellsPlannedForAnotherMetric() throws {
        let out = temporaryFolder()
        defer { removeFolder(out) }
        _ = try Sweep.run(toyConfiguration(output: out))
        var config = toyConfiguration(output: out)
        config.metric = .dp
        #expect(throws: SweepError.self) { try Sweep.run(config) }
    }

    @Test func aLaterSweepWithAnotherMethodKeepsTheEarlierRowsFirst() throws {
        let out = temporaryFolder()
        defer { removeFolder(out) }
        let first = try Sweep.run(toyConfiguration(output: out, planners: [FirstK()]))
        let before = contents(first.resultsPath)
        let second = try Sweep.run(toyConfiguration(output: out, planners: [LastKSeeded()]))
        #expect(second.computed == second.total)
        let after = contents(second.resultsPath)
        #expect(after.hasPrefix(before))
        #expect(try ResultsTable.read(path: second.resultsPath).count == first.total + second.total)
    }

    @Test func progressCountsEveryCell() throws {
        let out = temporaryFolder()
        defer { removeFolder(out) }
        let seen = Counter()
        let r = try Sweep.run(toyConfiguration(output: out)) { p in seen.record(p) }
        #expect(seen.last?.done == r.total && seen.last?.total == r.total)
        #expect(seen.count == r.total + 1)
        #expect(seen.last?.bar().contains("\(r.total)/\(r.total) cells") == true)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var count = 0
    private(set) var last: SweepProgress?
    func record(_ p: SweepProgress) {
        lock.lock()
        count += 1
        if last == nil || p.done >= last!.done { last = p }
        lock.unlock()
    }
}
