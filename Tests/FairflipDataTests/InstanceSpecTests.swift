import FairflipData
import Foundation
import Testing

@Suite("Spec parsing")
struct InstanceSpecTests {
    let path = "/specs/sample.toml"

    func parse(_ text: String) throws -> InstanceSpec { try InstanceSpec(toml: text, path: path) }

    @Test func readsTheSampleWithDefaults() throws {
        let spec = try parse(sampleSpec)
        #expect(spec.name == "sample")
        #expect(spec.source == .single(file: "/specs/data.csv", testFraction: 0.5, splitSeed: 1))
        #expect(spec.missing == .fail)
        #expect(spec.missingValues == ["?", ""])
        #expect(spec.labelColumn == "label" && spec.favorable == "1")
        #expect(spec.minorityValues == ["min"] && spec.majorityValues == ["maj"])
        #expect(spec.others == .drop)
        #expect(spec.numeric == ["x"] && spec.categorical == ["c"] && spec.dropped.isEmpty)
        #expect(spec.includeSensitive)
        #expect(spec.C == 1)
        #expect(spec.collective == .fraction(alpha: 1, seed: 1))
        #expect(spec.direction == .up)
        #expect(spec.metric == .eqodds)
    }

    @Test func recordsTheLineOfEveryKey() throws {
        let spec = try parse(sampleSpec)
        #expect(spec.line(of: "name") == 1)
        #expect(spec.line(of: "data") == 3)
        #expect(spec.line(of: "data.test_fraction") == 5)
        #expect(spec.line(of: "label.favorable") == 11)
        #expect(spec.line(of: "collective.alpha") == 23)
        #expect(spec.line(of: "collective.nothing") == nil)
    }

    @Test func keyLinesSkipListItemsAndMultilineStrings() throws {
        let text = """
            [data]
            filters = [
              "a == b",
              "c != d",
            ]
            note = \"\"\"
            fake = 1
            \"\"\"
            missing = "drop"
            """
        // The spec is incomplete; the first error (an unknown key) shows where the scan put it.
        let error = inputError { _ = try InstanceSpec(toml: text, path: path) }
        #expect(error?.column == "data.note")  // unknown key, reported at its line
        #expect(error?.line == 6)
    }

    @Test func intAndStringLabelsAreTheSame() throws {
        let spec = try parse(sampleSpec.with(#"favorable = "1""#, "favorable = 1"))
        #expect(spec.favorable == "1")
    }

    @Test func relativeDataPathsResolveAgainstTheSpecFolder() throws {
        let spec = try parse(sampleSpec.with(#"file = "data.csv""#, #"file = "/abs/data.csv""#))
        #expect(spec.source == .single(file: "/abs/data.csv", testFraction: 0.5, splitSeed: 1))
        let bare = try InstanceSpec(toml: sampleSpec, path: "sample.toml")
        #expect(bare.source == .single(file: "data.csv", testFraction: 0.5, splitSeed: 1))
    }

    // MARK: Errors

    @Test func misspelledKey() {
        expectInputError(file: path, line: 23, column: "collective.alpah",
                         containing: ["unknown key", "did you mean 'alpha'", "allowed here: alpha, seed"]) {
            _ = try parse(sampleSpec.with("alpha = 1.0", "alpah = 1.0"))
        }
    }

    @Test func misspelledTable() {
        expectInputError(file: path, line: 22, column: "colective", containing: ["unknown key", "did you mean 'collective'"]) {
            _ = try parse(sampleSpec.with("[collective]", "[colective]"))
        }
    }

    @Test func errorsAboutKeysSayKey() throws {
        let error = inputError { _ = try parse(sampleSpec.with("alpha = 1.0", "alpha = 3")) }
        #expect(error?.columnIsKey == true)
        #expect(error?.description == "/specs/sample.toml, line 23, key 'collective.alpha': must be in (0, 1], got 3.0")
    }

    @Test func tomlSyntaxErrorNamesTheLine() {
        expectInputError(file: path, line: 11, column: nil, containing: ["TOML syntax error"]) {
            _ = try parse(sampleSpec.with(#"favorable = "1""#, "favorable = = 1"))
        }
    }

    @Test func unterminatedTomlString() {
        expectInputError(file: path, line: 4, column: nil, containing: ["TOML syntax error"]) {
            _ = try parse(sampleSpec.with(#"file = "data.csv""#, #"file = "data.csv"#))
        }
    }

    @Test(arguments: ["0", "1", "1.5", "-0.2"])
    func testFractionOutsideZeroOne(_ fraction: String) {
        expectInputError(file: path, line: 5, column: "data.test_fraction", containing: ["must be in (0, 1)"]) {
            _ = try parse(sampleSpec.with("test_fraction = 0.5", "test_fraction = \(fraction)"))
        }
    }

    @Test func wrongTypes() {
        expectInputError(file: path, line: 23, column: "collective.alpha", containing: ["expected a number"]) {
            _ = try parse(sampleSpec.with("alpha = 1.0", "alpha = \"half\""))
        }
        expectInputError(file: path, line: 24, column: "collective.seed", containing: ["non-negative integer"]) {
            _ = try parse(sampleSpec.with("\nseed = 1", "\nseed = -1"))
        }
        expectInputError(file: path, line: 19, column: "features.numeric", containing: ["list of strings"]) {
            _ = try parse(sampleSpec.with(#"numeric = ["x"]"#, "numeric = [1.5]"))
        }
        expectInputError(file: path, line: 7, column: "data.missing", containing: ["one of drop, fail, got 'skip'"]) {
            _ = try parse(sampleSpec.with(#"missing = "fail""#, #"missing = "skip""#))
        }
        expectInputError(file: path, line: 26, column: "fairness.metric", containing: ["got 'eq-odds' (did you mean 'eqodds'?)"]) {
            _ = try parse(sampleSpec + "[fairness]\nmetric = \"eq-odds\"\n")
        }
        expectInputError(file: path, line: 26, column: "fairness.metric", containing: ["got 'eqodd'"]) {
            _ = try parse(sampleSpec + "[fairness]\nmetric = \"eqodd\"\n")
        }
    }

    @Test func missingTablesAndKeys() {
        expectInputError(file: path, line: nil, column: "label", containing: ["missing table [label]"]) {
            _ = try parse(sampleSpec.with("[label]\ncolumn = \"label\"\nfavorable = \"1\"", ""))
        }
        expectInputError(file: path, line: 9, column: "label.favorable", containing: ["missing key"]) {
            _ = try parse(sampleSpec.with("favorable = \"1\"", ""))
        }
    }

    @Test func fileAndTrainTogether() {
        expectInputError(file: path, line: 8, column: "data.train", containing: ["not both"]) {
            _ = try parse(sampleSpec.with("missing = \"fail\"", "missing = \"fail\"\ntrain = \"t.csv\""))
        }
    }

    @Test func testFractionWithATrainTestSplit() {
        let spec = sampleSpec.with(#"file = "data.csv""#, "train = \"a.csv\"\ntest = \"b.csv\"")
        expectInputError(file: path, line: 6, column: "data.test_fraction", containing: ["only applies with 'file'"]) {
            _ = try parse(spec)
        }
    }

    @Test func badFilter() {
        expectInputError(file: path, line: 8, column: "data.filters", containing: ["'x >> 1' is not"]) {
            _ = try parse(sampleSpec.with("missing = \"fail\"", "missing = \"fail\"\nfilters = [\"x >> 1\"]"))
        }
    }

    @Test func alphaWithAMembershipColumn() {
        expectInputError(file: path, line: 23, column: "collective.alpha", containing: ["not both"]) {
            _ = try parse(sampleSpec.with("\nseed = 1", "\nseed = 1\nmembership_column = \"m\""))
        }
    }

    @Test func nonPositiveC() {
        expectInputError(file: path, line: 27, column: "model.C", containing: ["positive"]) {
            _ = try parse(sampleSpec + "\n[model]\nC = 0\n")
        }
    }

    @Test func sensitiveColumnThatIsTheLabel() {
        expectInputError(file: path, line: 14, column: "sensitive.column", containing: ["also the label"]) {
            _ = try parse(sampleSpec.with(#"column = "group""#, #"column = "label""#))
        }
    }

    @Test func unreadableSpec() {
        expectInputError(file: "/no/such/spec.toml", line: nil, column: nil, containing: ["cannot read the spec file"]) {
            _ = try InstanceSpec(contentsOf: "/no/such/spec.toml")
        }
    }
}
