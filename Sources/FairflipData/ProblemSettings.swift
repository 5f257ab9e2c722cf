import FairflipFairness

/// What a planning problem states beyond its data: its name, where it came from, the firm's
/// learner, the label changes the collective may make and the metric to lower.
///
/// A spec file gives these; a problem built in memory states them directly.
public struct ProblemSettings: Sendable, Equatable {
    /// A short name for reports.
    public var name: String
    /// The spec file the problem was read from, or a short description of a problem built in
    /// memory; reports and messages print it.
    public var origin: String
    /// The firm's inverse L2 strength, scikit-learn's `C`.
    public var C: Double
    /// Which label changes the collective may make.
    public var direction: FlipDirection
    /// The fairness metric planners lower unless told otherwise.
    public var metric: FairnessMetric

    public init(name: String, origin: String, C: Double = 1, direction: FlipDirection = .up,
                metric: FairnessMetric = .eqodds) {
        self.name = name
        self.origin = origin
        self.C = C
        self.direction = direction
        self.metric = metric
    }
}

extension ProblemSettings {
    /// The settings a spec states.
    public init(spec: InstanceSpec) {
        self.init(name: spec.name, origin: spec.path, C: spec.C, direction: spec.direction, metric: spec.metric)
    }
}
