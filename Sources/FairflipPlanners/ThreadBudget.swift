import Foundation

/// The process's one thread budget: the active processors, shared between the plans that run
/// at once (sweep jobs) and the threads each plan may use (retrains in parallel), so that
/// jobs × planner threads never exceed the cores.
public struct ThreadBudget: Sendable, Equatable {
    /// Plans run at once.
    public let jobs: Int
    /// Threads each plan may use.
    public let threadsPerJob: Int

    /// Splits `cores` between `jobs` concurrent plans (at most `cores` of them).
    public init(jobs: Int, cores: Int = ThreadBudget.cores) {
        let cores = max(1, cores)
        self.jobs = max(1, min(jobs, cores))
        threadsPerJob = max(1, cores / self.jobs)
    }

    /// The active processors of this machine.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
