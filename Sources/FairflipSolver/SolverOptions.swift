/// How a backend should search: limits, tolerances, threads, and what to do with a start.
public struct SolverOptions: Sendable, Codable, Equatable {
    /// Wall-clock limit in seconds; on reaching it the best solution found is returned.
    public var timeLimit: Double = 60
    /// Stop when the relative gap between the incumbent and the bound is at most this.
    public var relativeGap: Double = 1e-4
    /// Threads the solver may use. 1 is the serial code path (for CBC: `threads 0`; Debian's
    /// libCbc is threaded and any CBC value above 0 takes the threaded path).
    public var threads: Int = 1
    /// Random seed for the solver's heuristics, for reproducible runs.
    public var seed: Int = 1
    /// Whether to keep the solver's preprocessing when a start is given. CBC maps a start onto
    /// its preprocessed model, where it often no longer fits ("mipstart values could not be used"),
    /// so by default preprocessing is switched off whenever there is a start.
    public var preprocessWithStart = false
    /// An objective cutoff: only solutions strictly better than this are of interest (e.g. the
    /// start's objective). nil: none.
    public var cutoff: Double?
    /// Branch-and-bound nodes at most (nil: no limit). Unlike the time limit it does not depend
    /// on the machine's load: with a time limit that does not bind, serial CBC stopped by a node
    /// limit gives the same result on every run.
    public var nodeLimit: Int?

    public init(timeLimit: Double = 60, relativeGap: Double = 1e-4, threads: Int = 1, seed: Int = 1,
                preprocessWithStart: Bool = false, cutoff: Double? = nil, nodeLimit: Int? = nil) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.threads = threads
        self.seed = seed
        self.preprocessWithStart = preprocessWithStart
        self.cutoff = cutoff
        self.nodeLimit = nodeLimit
    }
}
