import FairflipFairness

/// One row of `results.csv`: one planner at one budget on one collective draw.
///
/// The file is long format, one record per (instance, alpha, seed, method, budget), so that
/// pandas, R or a spreadsheet can pivot it any way; the report is rebuilt from it alone.
public struct SweepRecord: Sendable, Equatable {
    /// The key that identifies a sweep cell; a resumed sweep skips cells whose key is present.
    public struct Key: Hashable, Sendable, CustomStringConvertible {
        public var instance: String
        /// The alpha as written in the file (text, so that keys compare exactly).
        public var alpha: String
        public var seed: String
        public var method: String
        public var budget: String

        public init(instance: String, alpha: String, seed: String, method: String, budget: String) {
            self.instance = instance
            self.alpha = alpha
            self.seed = seed
            self.method = method
            self.budget = budget
        }

        public var description: String { "\(instance) alpha=\(alpha) seed=\(seed) \(method) k=\(budget)" }
    }

    public var instance: String
    /// The collective's fraction of the minority (nil when the spec names a membership column).
    public var alpha: Double?
    /// Seeds the collective draw and the planner.
    public var seed: Int
    /// The train/test split's seed when the sweep re-split the data per seed (`--split-seeds`,
    /// then equal to `seed`); nil when the spec's own split was used.
    public var splitSeed: Int?
    public var method: String
    public var budget: Int
    /// The metric the planners lowered (the report's headline metric).
    public var metric: String
    /// `ok`, or `error: <why>` when the planner or the retraining failed for this cell.
    public var status: String
    /// Candidates the collective had (members allowed to flip).
    public var candidates: Int?
    /// Flips the plan used.
    public var flips: Int?
    /// Why the retrained model is degenerate (`DegenerateFairness`, per split), empty when it is not.
    public var degenerate: String
    public var train: SplitFigures
    public var test: SplitFigures
    /// The planner's own prediction of the training metric, when it makes one.
    public var surrogate: Double?
    /// The solver's status (the plan's `SolverSummary`), when the planner used one.
    public var solverStatus: String?
    /// The solver's relative optimality gap.
    public var solverGap: Double?
    /// The bound the solver proved at the end, and at the root node (the MIP's own objective).
    public var solverBound: Double?
    public var solverRootBound: Double?
    /// Where the final plan came from (MIP: solver, start, gradient, refinement).
    public var planOrigin: String?
    /// Seconds the planner took (empty when timing is off, for byte-reproducible files).
    public var wallSeconds: Double?
    /// Every other diagnostic, `key=value` joined by `;`, keys sorted.
    public var diagnostics: String
    /// The planner's notes joined by ` | `.
    public var notes: String

    public init(instance: String, alpha: Double?, seed: Int, splitSeed: Int? = nil, method: String, budget: Int,
                metric: String, status: String = "ok", candidates: Int? = nil, flips: Int? = nil, degenerate: String = "",
                train: SplitFigures = SplitFigures(), test: SplitFigures = SplitFigures(),
                surrogate: Double? = nil, solverStatus: String? = nil, solverGap: Double? = nil,
                wallSeconds: Double? = nil, diagnostics: String = "", notes: String = "") {
        self.instance = instance
        self.alpha = alpha
        self.seed = seed
        self.splitSeed = splitSeed
        self.method = method
        self.budget = budget
        self.metric = metric
        self.status = status
        self.candidates = candidates
        self.flips = flips
        self.degenerate = degenerate
        self.train = train
        self.test = test
        self.surrogate = surrogate
        self.solverStatus = solverStatus
        self.solverGap = solverGap
        self.wallSeconds = wallSeconds
        self.diagnostics = diagnostics
        self.notes = notes
    }

    /// Whether the cell produced a retrained model.
    public var isOK: Bool { status == "ok" }

    /// The record's key.
    public var key: Key {
        Key(instance: instance, alpha: CSVFormat.number(alpha), seed: String(seed), method: method, budget: String(budget))
    }

    /// The metric the record names, if it is a known one.
    public var fairnessMetric: FairnessMetric? { FairnessMetric(rawValue: metric) }
}
