import FairflipFairness
import FairflipLinearAlgebra

/// A planning problem, free of files: encoded train and test splits, the collective, and the
/// firm's settings. Every planner takes one (through `PlanningContext`).
///
/// A spec file gives one with `Instance(specPath:)`; the steps in between (`DataTable`,
/// `TrainTestRows`, `EncodedData`) let a caller re-split or re-draw the collective in memory,
/// and tests build problems without files.
public struct Instance: Sendable {
    /// Name, origin, the firm's `C`, flip direction and metric.
    public let settings: ProblemSettings
    /// Names of the encoded columns (`age`, `race=Caucasian`, ..., `(intercept)`).
    public let featureNames: [String]
    public let train: DataSplit
    public let test: DataSplit
    /// Training-row indices of the collective's members, ascending.
    public let collective: [Int]
    /// The sensitive attribute's one-hot columns, when the firm's model sees it.
    public let sensitiveColumns: [SensitiveColumn]

    public init(settings: ProblemSettings, featureNames: [String], train: DataSplit, test: DataSplit,
                collective: [Int], sensitiveColumns: [SensitiveColumn] = []) {
        precondition(train.features.columns == featureNames.count && test.features.columns == featureNames.count,
                     "one feature name per encoded column")
        precondition(collective.allSatisfy { train.groups.indices.contains($0) }, "collective rows are training rows")
        self.settings = settings
        self.featureNames = featureNames
        self.train = train
        self.test = test
        self.collective = collective
        self.sensitiveColumns = sensitiveColumns
    }

    /// A short name for reports.
    public var name: String { settings.name }
    /// The spec file the problem was read from, or a description of a problem built in memory.
    public var origin: String { settings.origin }
    /// The firm's inverse L2 strength.
    public var C: Double { settings.C }
    /// Which label changes the collective may make.
    public var direction: FlipDirection { settings.direction }
    /// The metric planners lower unless told otherwise.
    public var metric: FairnessMetric { settings.metric }

    /// Number of encoded features, intercept included.
    public var dimension: Int { featureNames.count }

    /// Training-row indices whose label the collective may flip (members, allowed direction).
    public var candidates: [Int] {
        collective.filter { direction.allows(label: train.labels[$0]) }
    }
}
