extension DataTable {
    /// The split the problem states: at random with its own fraction and seed, or its train
    /// and test files as they are.
    public func split() throws(InputError) -> TrainTestRows {
        switch splitRule {
        case .random(let fraction, let seed):
            return try split(testFraction: fraction, seed: seed)
        case .files:
            if files[0].count == 0 { throw InputError(file: files[0].file, "the train split is empty after filters and missing values") }
            if files[1].count == 0 { throw InputError(file: files[1].file, "the test split is empty after filters and missing values") }
            return try TrainTestRows(settings: settings, schema: schema, train: files[0], test: files[1])
        }
    }

    /// A seeded random split: `testFraction` of the rows (rounded) go to test, the rest to train,
    /// each side in file order. The same seed gives the same split.
    ///
    /// A table read from separate train and test files is re-split from both files' rows pooled
    /// (train file first): each row keeps its file and line, and rows of the test file are named
    /// `t<line>` (`RowProvenance`). `split()` keeps the files as they are.
    public func split(testFraction: Double, seed: UInt64) throws(InputError) -> TrainTestRows {
        guard testFraction > 0, testFraction < 1 else {
            throw InputError(file: settings.origin, "the test fraction must be in (0, 1), got \(testFraction)")
        }
        let all = pooledRows
        var rng = SeededGenerator(seed: seed)
        let order = rng.shuffled(Array(0..<all.count))
        let nTest = Int((testFraction * Double(all.count)).rounded())
        let test = order[0..<nTest].sorted()
        let train = order[nTest...].sorted()
        if train.isEmpty || test.isEmpty {
            throw InputError(file: all.sourceFiles.joined(separator: " + "), "the \(train.isEmpty ? "train" : "test") split is empty "
                             + "(\(all.count) rows kept, test_fraction \(testFraction))")
        }
        return try TrainTestRows(settings: settings, schema: schema, train: all.selecting(train), test: all.selecting(test))
    }

    /// Every kept row: the one file's, or the train file's then the test file's.
    public var pooledRows: DataRows {
        files.count == 1 ? files[0] : DataRows.pooling(files[0], files[1])
    }

    /// The share of rows the spec puts in test: its `test_fraction`, or for separate train and
    /// test files, the test file's share of the kept rows (what a re-split keeps).
    public var specTestFraction: Double {
        switch splitRule {
        case .random(let fraction, _): return fraction
        case .files: return Double(files[1].count) / Double(max(1, files[0].count + files[1].count))
        }
    }
}
