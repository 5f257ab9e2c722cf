import FairflipConcurrency
import Foundation

/// `map` over a few independent, expensive items on several threads, results in input order.
///
/// Planners use it for refits that do not depend on each other (a greedy round's shortlist),
/// so plans stay identical whatever the number of threads.
enum ParallelMap {
    /// The workers' results by input index, and the first error.
    private struct Slots<T> {
        var values: [T?]
        var error: Error?
    }

    static func map<T: Sendable, U: Sendable>(_ items: [T], threads: Int,
                                              _ transform: @Sendable (T) throws -> U) throws -> [U] {
        let workers = min(max(1, threads), items.count)
        guard workers > 1 else { return try items.map(transform) }
        let slots = Locked(Slots<U>(values: Array(repeating: nil, count: items.count)))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: items.count, by: workers) {
                do {
                    let value = try transform(items[index])
                    slots.withLock { $0.values[index] = value }
                } catch {
                    slots.withLock { if $0.error == nil { $0.error = error } }
                    return
                }
            }
        }
        let done = slots.withLock { $0 }
        if let error = done.error { throw error }
        return done.values.map { $0! }
    }
}
