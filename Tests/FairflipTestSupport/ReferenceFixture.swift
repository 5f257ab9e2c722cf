import FairflipData
import FairflipLearning
import Foundation

/// A scikit-learn / fairlearn reference fixture, `Tests/Fixtures/<instance>.json`,
/// written by `Benchmarks/peers/make_fixtures.py` (`make fixtures`).
public struct ReferenceFixture: Decodable, Sendable {
    public struct Collective: Decodable, Sendable {
        public var count: Int
        public var indexSum: Int
        public var first: [Int]
    }

    /// scikit-learn's fit of the firm's model.
    public struct Model: Decodable, Sendable {
        public var coefficients: [Double]
        public var intercept: Double
        public var iterations: Int
        public var objective: Double
        public var scaledGradient: Double

        /// Coefficients then the intercept: fairflip's parameter layout.
        public var parameters: [Double] { coefficients + [intercept] }
    }

    /// Column-wise fingerprints of an encoded matrix (no full matrices in the fixtures).
    public struct Fingerprint: Decodable, Sendable {
        public struct GroupCounts: Decodable, Sendable {
            public var minority: Int
            public var majority: Int
            public var other: Int
        }

        public var rows: Int
        public var columns: Int
        public var columnSums: [Double]
        public var columnSumsOfSquares: [Double]
        public var columnAbsSums: [Double]
        /// `sum_i (i % 7 + 1) * x_ij`: catches rows in another order.
        public var columnOrderSums: [Double]
        public var labelSum: Double
        public var groupCounts: GroupCounts
    }

    /// Confusion counts of scikit-learn's predictions on some rows.
    public struct Confusion: Decodable, Sendable, Equatable {
        public var count: Int
        public var positives: Int
        public var predictedPositive: Int
        public var truePositives: Int
        public var falsePositives: Int
        public var errors: Int

        public init(count: Int, positives: Int, predictedPositive: Int, truePositives: Int, falsePositives: Int, errors: Int) {
            self.count = count
            self.positives = positives
            self.predictedPositive = predictedPositive
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.errors = errors
        }
    }

    public struct GroupMetrics: Decodable, Sendable {
        public var selectionRate: Double?
        public var truePositiveRate: Double?
        public var falsePositiveRate: Double?
    }

    /// fairlearn's numbers on scikit-learn's predictions (NaN is `nil`).
    public struct Fairlearn: Decodable, Sendable {
        public struct ByGroup: Decodable, Sendable {
            public var minority: GroupMetrics
            public var majority: GroupMetrics
        }

        public struct Counts: Decodable, Sendable {
            public var minority: Confusion
            public var majority: Confusion
            public var overall: Confusion
        }

        public var demographicParityDifference: Double?
        /// `equalized_odds_difference` with the default `agg="worst_case"`.
        public var equalizedOddsDifference: Double?
        /// `equalized_odds_difference(agg="mean")`.
        public var equalizedOddsDifferenceMean: Double?
        public var equalOpportunityDifference: Double?
        /// `0.5 * (|dTPR| + |dFPR|)` from `MetricFrame`.
        public var eqoddsMeanFromFrame: Double?
        public var tprGap: Double?
        public var fprGap: Double?
        public var positiveRateGap: Double?
        public var byGroup: ByGroup
        public var errorRate: Double
        public var confusion: Counts
    }

    /// A row whose scikit-learn decision score is within 1e-5 of zero.
    public struct BorderlineRow: Decodable, Sendable {
        public var row: Int
        public var decision: Double
        public var prediction: Bool
    }

    public struct Split: Decodable, Sendable {
        public var fingerprint: Fingerprint
        public var firstProbabilities: [Double]
        public var predictedPositive: Int
        public var borderlineRows: [BorderlineRow]
        public var fairlearn: Fairlearn
    }

    public var name: String
    public var spec: String
    public var C: Double
    public var featureNames: [String]
    public var collective: Collective
    public var model: Model
    public var train: Split
    public var test: Split

    enum CodingKeys: String, CodingKey {
        case name, spec, C, featureNames, collective, model, train, test
    }

    /// Reads `Tests/Fixtures/<name>.json`.
    public static func load(_ name: String) throws -> ReferenceFixture {
        try decodeFixture(ReferenceFixture.self, named: name)
    }
}

/// One bundled instance with its reference fixture and fairflip's fit of the firm's model
/// (the fixture's `C`), loaded and fitted on first use only, then shared by every test of the run.
public struct ReferenceCase: Sendable {
    public let instance: Instance
    public let fixture: ReferenceFixture
    public let model: FittedModel

    /// The bundled instances that have fixtures.
    public static let names = ["toy", "compas", "german", "adult"]

    private static let toy = Result { try make("toy") }
    private static let compas = Result { try make("compas") }
    private static let german = Result { try make("german") }
    private static let adult = Result { try make("adult") }

    /// The case of a bundled instance (loaded and fitted on first use only).
    public static func named(_ name: String) throws -> ReferenceCase {
        switch name {
        case "toy": return try toy.get()
        case "compas": return try compas.get()
        case "german": return try german.get()
        case "adult": return try adult.get()
        default: preconditionFailure("no fixture for \(name)")
        }
    }

    private static func make(_ name: String) throws -> ReferenceCase {
        let fixture = try ReferenceFixture.load(name)
        let instance = try Instance(specPath: Repository.path(fixture.spec))
        let model = try LogisticRegression(C: fixture.C).fit(instance.train.features, labels: instance.train.labels)
        return ReferenceCase(instance: instance, fixture: fixture, model: model)
    }
}

/// The soft-label and sample-weight fixture, `Tests/Fixtures/synthetic_soft.json`: the data in full.
public struct SoftLabelFixture: Decodable, Sendable {
    public var C: Double
    /// Rows, the constant 1 last.
    public var x: [[Double]]
    /// Soft labels in [0, 1].
    public var y: [Double]
    public var weights: [Double]
    public var model: ReferenceFixture.Model
    public var probabilities: [Double]

    enum CodingKeys: String, CodingKey {
        case C, x = "X", y, weights, model, probabilities
    }

    public static func load() throws -> SoftLabelFixture {
        try decodeFixture(SoftLabelFixture.self, named: "synthetic_soft")
    }
}

private func decodeFixture<T: Decodable>(_ type: T.Type, named name: String) throws -> T {
    let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/Fixtures/\(name).json")))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(T.self, from: data)
}

/// The largest absolute difference between two equally long vectors.
public func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "lengths differ")
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
