/// A problem's rows split into train and test, not yet encoded.
public struct TrainTestRows: Sendable {
    public var settings: ProblemSettings
    public var schema: DataTable.Schema
    public var train: DataRows
    public var test: DataRows

    /// The split, checked: both sides have rows, and the training rows have a minority row and
    /// both labels (the firm's model and the collective need them).
    public init(settings: ProblemSettings, schema: DataTable.Schema, train: DataRows, test: DataRows) throws(InputError) {
        if !train.groups.contains(.minority) {
            throw InputError(file: train.file, column: schema.sensitiveColumn,
                             "the train split has no minority row, so there is no collective")
        }
        if let only = train.labels.first, train.labels.allSatisfy({ $0 == only }) {
            throw InputError(file: train.file, column: schema.labelColumn,
                             "every row of the train split has the label '\(only == 1 ? schema.favorableLabel : schema.unfavorableLabel)'; "
                             + "the firm's model needs both values")
        }
        self.settings = settings
        self.schema = schema
        self.train = train
        self.test = test
    }
}
