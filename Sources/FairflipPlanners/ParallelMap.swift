import Foundation

/// `map` over a few independent, expensive items on several threads, results in input order.
///
/// Planners use it for refits that do not depend on each other (a greedy round's shortlist),
/// so plans stay identical whatever the number of threads.
enum ParallelMap {
    private final class Slots<T>: @unchecked Sendable {
        let lock = NSLock()
        var values: [T?]
        var error: Error?
        init(_ count: Int) { values = Array(repeating: nil, count: count) }
    }

    static func map<T: Sendable, U: Sendable>(_ items: [T], threads: Int,
                                              _ transform: @Sendable (T) throws -> U) throws -> [U] {
        let workers = min(max(1, threads), items.count)
        guard workers > 1 else { return try items.map(transform) }
        let slots = Slots<U>(items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: items.count, by: workers) {
                do {
                    let value = try transform(items[index])
                    slots.lock.withLock { slots.values[index] = value }
                } catch {
                    slots.lock.withLock { if slots.error == nil { slots.error = error } }
                    return
                }
            }
        }
        if let error = slots.error { throw error }
        return slots.values.map { $0! }
    }
}
