import FairflipFairness
import FairflipLinearAlgebra
import Foundation

/// A planning problem loaded from a spec: encoded train and test splits, the collective,
/// and the firm's settings.
///
/// Encoding follows scikit-learn's `StandardScaler` (population standard deviation, from the
/// training split only) for numeric columns and `OneHotEncoder(handle_unknown="ignore")` for
/// categorical ones (categories from the training split, sorted), then a constant 1 column.
public struct Instance: Sendable {
    public let spec: InstanceSpec
    /// Names of the encoded columns (`age`, `race=Caucasian`, ..., `(intercept)`).
    public let featureNames: [String]
    public let train: DataSplit
    public let test: DataSplit
    /// Training-row indices of the collective's members, ascending.
    public let collective: [Int]
    /// For the sensitive attribute's one-hot columns (when it is a feature): column index and value.
    public let sensitiveColumns: [(index: Int, value: String)]

    /// Number of encoded features, intercept included.
    public var dimension: Int { featureNames.count }

    /// Training-row indices whose label the collective may flip (members, allowed direction).
    public var candidates: [Int] {
        collective.filter { spec.direction.allows(label: train.labels[$0]) }
    }

    /// Loads a spec file and its data.
    public init(specPath: String) throws(InputError) {
        try self.init(spec: InstanceSpec(contentsOf: specPath))
    }

    /// Loads the data a spec names.
    public init(spec: InstanceSpec) throws(InputError) {
        self.spec = spec
        let loaded = try InstanceLoader(spec: spec).load()
        featureNames = loaded.featureNames
        train = loaded.train
        test = loaded.test
        collective = loaded.collective
        sensitiveColumns = loaded.sensitiveColumns
    }
}
