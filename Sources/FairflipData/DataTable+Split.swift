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
    /// Only a table read from one data file can be split at random; one read from separate
    /// train and test files keeps them (`split()`).
    public func split(testFraction: Double, seed: UInt64) throws(InputError) -> TrainTestRows {
        guard files.count == 1 else {
            throw InputError(file: settings.origin, "the data come as separate train and test files; "
                             + "a random split needs one data file ('data.file')")
        }
        guard testFraction > 0, testFraction < 1 else {
            throw InputError(file: settings.origin, "the test fraction must be in (0, 1), got \(testFraction)")
        }
        let all = files[0]
        var rng = SeededGenerator(seed: seed)
        let order = rng.shuffled(Array(0..<all.count))
        let nTest = Int((testFraction * Double(all.count)).rounded())
        let test = order[0..<nTest].sorted()
        let train = order[nTest...].sorted()
        if train.isEmpty || test.isEmpty {
            throw InputError(file: all.file, "the \(train.isEmpty ? "train" : "test") split is empty "
                             + "(\(all.count) rows kept, test_fraction \(testFraction))")
        }
        return try TrainTestRows(settings: settings, schema: schema, train: all.selecting(train), test: all.selecting(test))
    }
}
