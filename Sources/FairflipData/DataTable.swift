/// A problem's data, loaded and selected once, before any split: the rows of each data file
/// with the columns the problem uses.
///
/// The pipeline from a spec to a planning problem is a chain of in-memory steps, each one
/// replaceable on its own:
///
///     let table = try DataTable(spec: spec)            // read the files once, select rows
///     let rows = try table.split(testFraction: 0.3, seed: 7)   // or table.split(): the spec's split
///     let encoded = try rows.encoded()                // scaler and one-hot fitted on train
///     let instance = encoded.drawCollective(alpha: 0.5, seed: 3)
///
/// Re-splitting and re-drawing never touch the files again.
public struct DataTable: Sendable {
    /// Which columns a problem uses, and how.
    public struct Schema: Sendable, Equatable {
        /// The label column, and the label texts that mean favourable and unfavourable
        /// (as first seen; messages quote them).
        public var labelColumn: String
        public var favorableLabel: String
        public var unfavorableLabel: String
        /// The sensitive attribute's column.
        public var sensitiveColumn: String
        /// Numeric features (standardised), in encoding order.
        public var numeric: [String]
        /// Categorical features (one-hot), in encoding order; the sensitive attribute, when the
        /// firm's model sees it, is the last.
        public var categorical: [String]
        /// The collective's membership column, when the problem names one.
        public var membershipColumn: String?

        public init(labelColumn: String, favorableLabel: String = "1", unfavorableLabel: String = "0",
                    sensitiveColumn: String, numeric: [String], categorical: [String], membershipColumn: String? = nil) {
            self.labelColumn = labelColumn
            self.favorableLabel = favorableLabel
            self.unfavorableLabel = unfavorableLabel
            self.sensitiveColumn = sensitiveColumn
            self.numeric = numeric
            self.categorical = categorical
            self.membershipColumn = membershipColumn
        }
    }

    /// How a table is split into train and test unless told otherwise.
    public enum SplitRule: Sendable, Equatable {
        /// The rows of the one file at random: `testFraction` of them (rounded) go to test.
        case random(testFraction: Double, seed: UInt64)
        /// The first file is the train split and the second the test split, as they are.
        case files
    }

    public var settings: ProblemSettings
    public var schema: Schema
    /// The kept rows of each data file: one file, or the train file then the test file.
    public var files: [DataRows]
    /// The split `split()` makes.
    public var splitRule: SplitRule

    public init(settings: ProblemSettings, schema: Schema, files: [DataRows], splitRule: SplitRule) {
        precondition(splitRule == .files ? files.count == 2 : files.count == 1, "one file to split at random, or two")
        self.settings = settings
        self.schema = schema
        self.files = files
        self.splitRule = splitRule
    }
}
