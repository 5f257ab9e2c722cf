/// A problem's train and test splits encoded for the firm's model, before the collective is
/// drawn: what every collective draw of one split shares.
public struct EncodedData: Sendable {
    public var settings: ProblemSettings
    /// Names of the encoded columns (`age`, `race=Caucasian`, ..., `(intercept)`).
    public var featureNames: [String]
    /// The sensitive attribute's one-hot columns, when the firm's model sees it.
    public var sensitiveColumns: [SensitiveColumn]
    public var train: DataSplit
    public var test: DataSplit
    /// The membership column's name and its text on every training row, when the problem names one.
    public var membership: (column: String, values: [String])?

    public init(settings: ProblemSettings, featureNames: [String], sensitiveColumns: [SensitiveColumn],
                train: DataSplit, test: DataSplit, membership: (column: String, values: [String])? = nil) {
        precondition(train.features.columns == featureNames.count && test.features.columns == featureNames.count,
                     "one feature name per encoded column")
        self.settings = settings
        self.featureNames = featureNames
        self.sensitiveColumns = sensitiveColumns
        self.train = train
        self.test = test
        self.membership = membership
    }
}
