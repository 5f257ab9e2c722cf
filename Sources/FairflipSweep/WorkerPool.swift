import FairflipConcurrency
import Foundation

/// Runs work items on a fixed number of threads, each taking the next item when it is free,
/// so slow cells (a MIP) do not hold up fast ones.
enum WorkerPool {
    /// Calls `body(i)` for every `i` in `0..<count` on up to `jobs` threads and waits for all.
    /// `body` returns false to stop the pool (no new items are started).
    static func run(count: Int, jobs: Int, body: @escaping @Sendable (Int) -> Bool) {
        guard count > 0 else { return }
        // The next item to start; set to `count` to stop the pool.
        let next = Locked(0)
        @Sendable func take() -> Int? {
            next.withLock { position in
                guard position < count else { return nil }
                position += 1
                return position - 1
            }
        }
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, count)) {
            group.enter()
            let thread = Thread {
                while let i = take() {
                    if !body(i) { next.withLock { $0 = count } }
                }
                group.leave()
            }
            // Planners may recurse or keep large frames (solvers); give them room.
            thread.stackSize = 64 << 20
            thread.start()
        }
        group.wait()
    }
}
