import FairflipData
import FairflipFairness
import FairflipTestSupport
import Foundation
import Testing

/// The bundled instances, loaded once for all tests (Adult takes a few seconds in debug builds).
enum Bundled {
    static let toy = Result { try Instance(specPath: Repository.path("instances/toy.toml")) }
    static let compas = Result { try Instance(specPath: Repository.path("instances/compas.toml")) }
    static let german = Result { try Instance(specPath: Repository.path("instances/german.toml")) }
    static let adult = Result { try Instance(specPath: Repository.path("instances/adult.toml")) }
}

@Suite("Bundled instances and encoding")
struct InstanceLoadingTests {
    @Test func toyRowCounts() throws {
        let toy = try Bundled.toy.get()
        #expect(toy.train.count == 200 && toy.test.count == 200)
        #expect(toy.featureNames == ["x1", "x2", "group=majority", "group=minority", "(intercept)"])
        let minority = toy.train.groups.filter { $0 == .minority }.count
        #expect(toy.collective.count == minority)  // alpha = 1
        #expect(toy.train.groups.count(where: { $0 == .other }) == 0)
    }

    @Test func compasRowCounts() throws {
        let compas = try Bundled.compas.get()
        #expect(compas.train.count + compas.test.count == 5278)  // ProPublica filter, two races
        #expect(compas.test.count == 1583)  // round(0.3 * 5278)
        #expect(!compas.train.groups.contains(.other))
        #expect(compas.featureNames.contains("race=African-American") && compas.featureNames.contains("race=Caucasian"))
        #expect(compas.sensitiveColumns.map(\.value) == ["African-American", "Caucasian"])
    }

    @Test func adultRowCounts() throws {
        let adult = try Bundled.adult.get()
        #expect(adult.train.count == 30162)  // rows with '?' dropped
        #expect(adult.test.count == 15060)
        #expect(adult.train.file.hasSuffix("adult_train.csv") && adult.test.file.hasSuffix("adult_test.csv"))
        #expect(!adult.featureNames.contains { $0.hasPrefix("fnlwgt") || $0.hasPrefix("education=") })
    }

    @Test func germanRowCounts() throws {
        let german = try Bundled.german.get()
        #expect(german.train.count == 700 && german.test.count == 300)
    }

    @Test(arguments: ["toy", "compas", "german"])
    func encodingFacts(_ name: String) throws {
        let instance = try [ "toy": Bundled.toy, "compas": Bundled.compas, "german": Bundled.german][name]!.get()
        let spec = try InstanceSpec(contentsOf: Repository.path("instances/\(name).toml"))
        let x = instance.train.features
        #expect(x.columns == instance.featureNames.count)
        #expect(instance.featureNames.last == "(intercept)")
        #expect(x.column(x.columns - 1).allSatisfy { $0 == 1 })
        #expect(instance.test.features.column(x.columns - 1).allSatisfy { $0 == 1 })
        let numeric: [String] = spec.numeric ?? []
        for (j, feature) in numeric.enumerated() {
            #expect(instance.featureNames[j] == feature)
            let v = x.column(j)
            let mean = v.reduce(0, +) / Double(v.count)
            let sd = (v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count)).squareRoot()
            #expect(abs(mean) < 1e-9, "\(feature) mean \(mean)")
            #expect(abs(sd - 1) < 1e-9, "\(feature) sd \(sd)")
        }
        // One-hot blocks: 0/1, categories sorted, exactly one 1 per train row and at most one per test row.
        var blocks: [String: [Int]] = [:]
        for (j, n) in instance.featureNames.enumerated() where n.contains("=") {
            blocks[String(n.prefix { $0 != "=" }), default: []].append(j)
        }
        #expect(Set(blocks.keys) == Set((spec.categorical ?? []) + [spec.sensitiveColumn]))
        for (column, js) in blocks {
            let values = js.map { String(instance.featureNames[$0].dropFirst(column.count + 1)) }
            #expect(values == values.sorted(), "\(column) categories sorted")
            for i in 0..<x.rows {
                let row = js.map { x[i, $0] }
                #expect(row.allSatisfy { $0 == 0 || $0 == 1 } && row.reduce(0, +) == 1)
            }
            for i in 0..<instance.test.count {
                #expect(js.map { instance.test.features[i, $0] }.reduce(0, +) <= 1)
            }
        }
        // Labels are 0/1, groups are the sensitive one-hot.
        #expect(instance.train.labels.allSatisfy { $0 == 0 || $0 == 1 })
        let minorityColumn = try #require(instance.sensitiveColumns.first { spec.minorityValues.contains($0.value) })
        #expect(minorityColumn.group == .minority)
        for i in 0..<x.rows { #expect((x[i, minorityColumn.index] == 1) == (instance.train.groups[i] == .minority)) }
    }

    @Test func unseenTestCategoryEncodesAsZeros() throws {
        let s = Scratch()
        s.write("train.csv", sampleCSV())
        s.write("test.csv", sampleCSV(extra: ["3.5,zebra,min,1"]))
        let spec = sampleSpec.with("file = \"data.csv\"\ntest_fraction = 0.5\nsplit_seed = 1",
                                   "train = \"train.csv\"\ntest = \"test.csv\"")
        let instance = try Instance(specPath: s.write("spec.toml", spec))
        #expect(instance.featureNames == ["x", "c=a", "c=b", "c=c", "group=maj", "group=min", "(intercept)"])
        let last = instance.test.count - 1
        #expect(instance.test.lines[last] == 18)
        #expect(instance.test.features.row(last)[1...3] == [0, 0, 0])
        #expect(instance.test.features[last, 5] == 1)
        // Test numbers use the training mean and sd: x = 3.5 in both files gives the same code.
        #expect(instance.test.features[3, 0] == instance.train.features[3, 0])
    }

    @Test func excludingTheSensitiveAttribute() throws {
        let s = Scratch()
        let instance = try load(s, spec: sampleSpec.with(#"categorical = ["c"]"#,
                                                         "categorical = [\"c\", \"group\"]\ninclude_sensitive = false"))
        #expect(instance.featureNames == ["x", "c=a", "c=b", "c=c", "(intercept)"])
        #expect(instance.sensitiveColumns.isEmpty)
        #expect(instance.train.groups.contains(.minority))
    }

    @Test func inferredFeatures() throws {
        let s = Scratch()
        let spec = sampleSpec.with("numeric = [\"x\"]\ncategorical = [\"c\"]", "")
        let instance = try load(s, spec: spec)
        #expect(instance.featureNames == ["x", "c=a", "c=b", "c=c", "group=maj", "group=min", "(intercept)"])
    }

    @Test func featureListErrors() {
        let s = Scratch()
        expectInputError(file: s.path("spec.toml"), line: 19, column: "features.numeric", containing: ["is the label column"]) {
            try load(s, spec: sampleSpec.with(#"numeric = ["x"]"#, #"numeric = ["x", "label"]"#))
        }
        expectInputError(file: s.path("spec.toml"), line: 20, column: "features.categorical", containing: ["listed twice"]) {
            try load(s, spec: sampleSpec.with(#"categorical = ["c"]"#, #"categorical = ["c", "x"]"#))
        }
        expectInputError(file: s.path("spec.toml"), line: 19, column: "features.numeric", containing: ["under 'drop'"]) {
            try load(s, spec: sampleSpec.with(#"categorical = ["c"]"#, "categorical = [\"c\"]\ndrop = [\"x\"]"))
        }
    }

    // MARK: Split and collective

    @Test func splitIsDeterministicAndSeeded() throws {
        var spec = try InstanceSpec(contentsOf: Repository.path("instances/toy.toml"))
        let a = try Instance(spec: spec)
        let b = try Instance(spec: spec)
        #expect(a.train.lines == b.train.lines && a.test.lines == b.test.lines)
        #expect(a.train.features == b.train.features && a.collective == b.collective)
        #expect(Set(a.train.lines).isDisjoint(with: a.test.lines))
        #expect(a.train.lines == a.train.lines.sorted())
        guard case .single(let file, let fraction, _) = spec.source else { Issue.record("toy is one file"); return }
        spec.source = .single(file: file, testFraction: fraction, splitSeed: 2)
        let c = try Instance(spec: spec)
        #expect(c.train.lines != a.train.lines)
        #expect(c.train.count == a.train.count)
    }

    @Test(arguments: [0.1, 0.25, 0.5, 0.9, 1.0])
    func collectiveSizeIsRoundedAlphaTimesMinorityTrainRows(_ alpha: Double) throws {
        var spec = try InstanceSpec(contentsOf: Repository.path("instances/toy.toml"))
        spec.collective = .fraction(alpha: alpha, seed: 3)
        let instance = try Instance(spec: spec)
        let minority = instance.train.groups.indices.filter { instance.train.groups[$0] == .minority }
        #expect(instance.collective.count == Int((alpha * Double(minority.count)).rounded()))
        #expect(Set(instance.collective).isSubset(of: minority))
        #expect(instance.collective == instance.collective.sorted())
        #expect(try Instance(spec: spec).collective == instance.collective)
    }

    @Test func collectiveSeedChangesMembers() throws {
        var spec = try InstanceSpec(contentsOf: Repository.path("instances/toy.toml"))
        spec.collective = .fraction(alpha: 0.5, seed: 1)
        let a = try Instance(spec: spec).collective
        spec.collective = .fraction(alpha: 0.5, seed: 2)
        #expect(try Instance(spec: spec).collective != a)
    }

    @Test(arguments: FlipDirection.allCases)
    func candidatesFollowTheDirection(_ direction: FlipDirection) throws {
        var spec = try InstanceSpec(contentsOf: Repository.path("instances/toy.toml"))
        spec.direction = direction
        let instance = try Instance(spec: spec)
        let labels = instance.collective.map { instance.train.labels[$0] }
        let expected: Int
        switch direction {
        case .up: expected = labels.count { $0 == 0 }
        case .down: expected = labels.count { $0 == 1 }
        case .both: expected = labels.count
        }
        #expect(instance.candidates.count == expected)
        #expect(instance.candidates.allSatisfy { direction.allows(label: instance.train.labels[$0]) })
        #expect(Set(instance.candidates).isSubset(of: instance.collective))
    }

    /// Numeric cells skip the text comparison with the missing-value markers, unless a marker is
    /// itself a number: then a number written as a marker is still found missing.
    @Test func aMissingValueMarkerThatIsANumberIsFound() throws {
        let s = Scratch()
        let markers = sampleSpec.with(#"missing = "fail""#, "missing = \"fail\"\nmissing_values = [\"?\", \"-999\", \"\"]")
        expectInputError(file: s.path("data.csv"), line: 5, column: "x", containing: ["missing value '-999'"]) {
            try load(s, spec: markers, csv: sampleCSV(replacingLine: 5, with: "-999,a,min,0"))
        }
        let dropped = try load(s, spec: markers.with(#"missing = "fail""#, #"missing = "drop""#),
                               csv: sampleCSV(replacingLine: 5, with: "-999,a,min,0"))
        #expect(dropped.train.count + dropped.test.count == 15)
        // Without the marker the number is a value like any other.
        let kept = try load(s, csv: sampleCSV(replacingLine: 5, with: "-999,a,min,0"))
        #expect(kept.train.count + kept.test.count == 16)
    }
}
