import FairflipFairness
import FairflipLinearAlgebra

extension TrainTestRows {
    /// Encodes both splits for the firm's model, with encoders fitted on the training split only.
    ///
    /// Encoding follows scikit-learn's `StandardScaler` (population standard deviation) for
    /// numeric columns and `OneHotEncoder(handle_unknown="ignore")` for categorical ones
    /// (categories from the training split, sorted), then a constant 1 column. A value too
    /// large to standardise (its column's mean or variance, or its standardised value, does
    /// not fit a double) is an error naming its file, line and column.
    public func encoded() throws(InputError) -> EncodedData {
        let numeric = schema.numeric, categorical = schema.categorical
        var names: [String] = []
        var numericStats: [(mean: Double, scale: Double)] = []
        for (k, name) in numeric.enumerated() {
            let values = train.numeric[k]
            var sum = 0.0
            for v in values { sum += v }
            let mean = sum / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
            let sd = variance.squareRoot()
            guard mean.isFinite, sd.isFinite else {
                let i = values.indices.max { abs(values[$0]) < abs(values[$1]) }!
                throw InputError(file: train.file(ofRow: i), line: train.lines[i], column: name,
                                 "the value \(values[i]) is too large to standardise: the column's "
                                 + "\(mean.isFinite ? "variance" : "mean") overflows; rescale the column")
            }
            numericStats.append((mean, sd > 0 ? sd : 1))
            names.append(name)
        }
        var categoryLevels: [[String]] = []
        for (k, name) in categorical.enumerated() {
            let levels = Set(train.categorical[k]).sorted()
            categoryLevels.append(levels)
            names.append(contentsOf: levels.map { "\(name)=\($0)" })
        }
        var sensitiveColumns: [SensitiveColumn] = []
        if let k = categorical.firstIndex(of: schema.sensitiveColumn) {
            let start = numeric.count + categoryLevels[..<k].reduce(0) { $0 + $1.count }
            var groupOf: [String: Group] = [:]
            for (value, group) in zip(train.categorical[k], train.groups) where groupOf[value] == nil { groupOf[value] = group }
            sensitiveColumns = categoryLevels[k].enumerated().map {
                SensitiveColumn(index: start + $0.offset, value: $0.element, group: groupOf[$0.element]!)
            }
        }
        names.append("(intercept)")
        let d = names.count
        let levelIndex = categoryLevels.map { levels in
            Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($0.element, $0.offset) })
        }

        func encode(_ rows: DataRows, name: String) throws(InputError) -> DataSplit {
            var storage = [Double](repeating: 0, count: rows.count * d)
            for i in 0..<rows.count {
                let base = i * d
                for k in numeric.indices {
                    let x = (rows.numeric[k][i] - numericStats[k].mean) / numericStats[k].scale
                    guard x.isFinite else {
                        throw InputError(file: rows.file(ofRow: i), line: rows.lines[i], column: numeric[k],
                                         "the value \(rows.numeric[k][i]) is too large to standardise "
                                         + "(its distance from the training mean overflows); rescale the column")
                    }
                    storage[base + k] = x
                }
                var offset = numeric.count
                for k in categorical.indices {
                    if let level = levelIndex[k][rows.categorical[k][i]] {
                        storage[base + offset + level] = 1
                    }
                    offset += categoryLevels[k].count
                }
                storage[base + d - 1] = 1
            }
            return DataSplit(name: name, features: Matrix(rows: rows.count, columns: d, storage: storage),
                             labels: rows.labels, groups: rows.groups, file: rows.file, lines: rows.lines,
                             sourceFiles: rows.sourceFiles, sourceOfRow: rows.sourceOfRow)
        }
        return EncodedData(settings: settings, featureNames: names, sensitiveColumns: sensitiveColumns,
                           train: try encode(train, name: "train"), test: try encode(test, name: "test"),
                           membership: schema.membershipColumn.map { ($0, train.membership ?? []) })
    }
}
