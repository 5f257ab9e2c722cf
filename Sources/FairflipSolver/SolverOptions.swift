/// How CBC should search.
public struct SolverOptions: Sendable {
    /// Wall-clock limit in seconds; on reaching it the best solution found is returned.
    public var timeLimit: Double = 60
    /// Stop when the relative gap between the incumbent and the bound is at most this.
    public var relativeGap: Double = 1e-4
    /// Threads CBC may use (1: deterministic and no shared state between planners).
    public var threads: Int = 1
    /// CBC's log level (0 silent, 1 normal).
    public var logLevel: Int = 0
    /// Random seed for CBC's heuristics, for reproducible runs.
    public var seed: Int = 1

    public init(timeLimit: Double = 60, relativeGap: Double = 1e-4, threads: Int = 1, logLevel: Int = 0, seed: Int = 1) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.threads = threads
        self.logLevel = logLevel
        self.seed = seed
    }
}
