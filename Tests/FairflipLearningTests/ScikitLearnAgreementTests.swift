import FairflipData
import FairflipLearning
import FairflipLinearAlgebra
import FairflipTestSupport
import Testing

/// Checks a split's encoding against the fixture's column fingerprints (relative 1e-9).
private func checkFingerprint(_ split: DataSplit, _ expected: ReferenceFixture.Fingerprint, _ label: String) {
    let x = split.features
    #expect(x.rows == expected.rows, "\(label): rows")
    #expect(x.columns == expected.columns, "\(label): columns")
    guard x.rows == expected.rows, x.columns == expected.columns else { return }
    var sums = [Double](repeating: 0, count: x.columns)
    var squares = sums, absSums = sums, orderSums = sums
    for i in 0..<x.rows {
        let order = Double(i % 7 + 1)
        for j in 0..<x.columns {
            let v = x[i, j]
            sums[j] += v
            squares[j] += v * v
            absSums[j] += abs(v)
            orderSums[j] += order * v
        }
    }
    func close(_ a: Double, _ b: Double, scale: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(b), scale)
    }
    for j in 0..<x.columns {
        let scale = expected.columnAbsSums[j]
        #expect(close(sums[j], expected.columnSums[j], scale: scale), "\(label): sum of column \(j)")
        #expect(close(squares[j], expected.columnSumsOfSquares[j], scale: 0), "\(label): squares of column \(j)")
        #expect(close(absSums[j], expected.columnAbsSums[j], scale: 0), "\(label): |sum| of column \(j)")
        #expect(close(orderSums[j], expected.columnOrderSums[j], scale: 7 * scale), "\(label): row order, column \(j)")
    }
    #expect(split.labels.reduce(0, +) == expected.labelSum, "\(label): label sum")
    #expect(split.groups.filter { $0 == .minority }.count == expected.groupCounts.minority, "\(label): minority rows")
    #expect(split.groups.filter { $0 == .majority }.count == expected.groupCounts.majority, "\(label): majority rows")
    #expect(split.groups.filter { $0 == .other }.count == expected.groupCounts.other, "\(label): other rows")
}

@Suite("Agreement with scikit-learn")
struct ScikitLearnAgreementTests {
    @Test("encoding matches the independent Python reading of the spec", arguments: ReferenceCase.names)
    func encodingFingerprints(name: String) throws {
        let c = try ReferenceCase.named(name)
        #expect(c.instance.featureNames == c.fixture.featureNames)
        checkFingerprint(c.instance.train, c.fixture.train.fingerprint, "\(name) train")
        checkFingerprint(c.instance.test, c.fixture.test.fingerprint, "\(name) test")
        #expect(c.instance.collective.count == c.fixture.collective.count)
        #expect(c.instance.collective.reduce(0, +) == c.fixture.collective.indexSum)
        #expect(Array(c.instance.collective.prefix(10)) == c.fixture.collective.first)
    }

    @Test("coefficients and intercept within 1e-6 of newton-cholesky", arguments: ReferenceCase.names)
    func coefficients(name: String) throws {
        let c = try ReferenceCase.named(name)
        #expect(c.model.converged)
        let diff = maxAbsDifference(c.model.parameters, c.fixture.model.parameters)
        print("\(name): max |coef - sklearn| = \(diff) (\(c.model.iterations) iterations, sklearn \(c.fixture.model.iterations))")
        #expect(diff <= 1e-6)
        #expect(abs(c.model.intercept - c.fixture.model.intercept) <= 1e-6)
        // Same objective, so the optimum's value agrees far more tightly than the parameters.
        #expect(abs(c.model.objective - c.fixture.model.objective) <= 1e-9 * abs(c.fixture.model.objective))
    }

    @Test("probabilities within 1e-6 of predict_proba", arguments: ReferenceCase.names)
    func probabilities(name: String) throws {
        let c = try ReferenceCase.named(name)
        for (split, expected) in [(c.instance.train, c.fixture.train), (c.instance.test, c.fixture.test)] {
            let first = split.features.selectingRows(0..<expected.firstProbabilities.count)
            let p = c.model.probabilities(first)
            #expect(maxAbsDifference(p, expected.firstProbabilities) <= 1e-6, "\(name) \(split.name)")
            let positives = c.model.predictions(split.features).filter { $0 }.count
            // Only rows scikit-learn scores within 1e-5 of zero may go the other way.
            #expect(abs(positives - expected.predictedPositive) <= expected.borderlineRows.count, "\(name) \(split.name)")
        }
    }

    @Test("a warm start at the solution needs at most one Newton step", arguments: ReferenceCase.names)
    func warmStart(name: String) throws {
        let c = try ReferenceCase.named(name)
        let learner = LogisticRegression(C: c.fixture.C)
        let x = c.instance.train.features, y = c.instance.train.labels
        let again = try learner.fit(x, labels: y, warmStart: c.model.parameters)
        #expect(again.iterations <= 1)
        #expect(maxAbsDifference(again.parameters, c.model.parameters) <= 1e-9)
        let fromSklearn = try learner.fit(x, labels: y, warmStart: c.fixture.model.parameters)
        #expect(fromSklearn.iterations <= 1)
        #expect(maxAbsDifference(fromSklearn.parameters, c.fixture.model.parameters) <= 1e-6)
    }

    @Test("the fit is deterministic")
    func deterministic() throws {
        let c = try ReferenceCase.named("german")
        let learner = LogisticRegression(C: c.fixture.C)
        let a = try learner.fit(c.instance.train.features, labels: c.instance.train.labels)
        let b = try learner.fit(c.instance.train.features, labels: c.instance.train.labels)
        #expect(a.parameters == b.parameters)
        #expect(a.parameters == c.model.parameters)
        #expect(a.iterations == b.iterations)
    }

    @Test("soft labels and sample weights agree with the duplicated-rows reference")
    func softLabelsAndWeights() throws {
        let f = try SoftLabelFixture.load()
        let x = Matrix(f.x)
        let learner = LogisticRegression(C: f.C)
        let model = try learner.fit(x, labels: f.y, weights: f.weights)
        #expect(model.converged)
        let diff = maxAbsDifference(model.parameters, f.model.parameters)
        print("synthetic_soft: max |coef - sklearn| = \(diff)")
        #expect(diff <= 1e-6)
        #expect(maxAbsDifference(model.probabilities(x), f.probabilities) <= 1e-6)
        #expect(abs(model.objective - f.model.objective) <= 1e-9 * f.model.objective)
        let again = try learner.fit(x, labels: f.y, weights: f.weights, warmStart: f.model.parameters)
        #expect(again.iterations <= 1)
        let repeated = try learner.fit(x, labels: f.y, weights: f.weights)
        #expect(repeated.parameters == model.parameters)
    }

    @Test("weights are not ignored: doubling one row's weight is the same as repeating it")
    func weightsMeanRepetition() throws {
        let f = try SoftLabelFixture.load()
        let learner = LogisticRegression(C: f.C)
        var w = f.weights
        w[3] *= 2
        let weighted = try learner.fit(Matrix(f.x), labels: f.y, weights: w)
        let repeated = try learner.fit(Matrix(f.x + [f.x[3]]), labels: f.y + [f.y[3]], weights: f.weights + [f.weights[3]])
        #expect(maxAbsDifference(weighted.parameters, repeated.parameters) <= 1e-9)
        let unweighted = try learner.fit(Matrix(f.x), labels: f.y, weights: f.weights)
        #expect(maxAbsDifference(weighted.parameters, unweighted.parameters) > 1e-4)
    }
}
