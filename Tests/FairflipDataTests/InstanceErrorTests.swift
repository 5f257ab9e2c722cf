import FairflipData
import FairflipTestSupport
import Foundation
import Testing

/// Issue 2, "Bad input": each problem stops with one message naming the file, the row and the column.
@Suite("Bad input: data and spec errors")
struct InstanceErrorTests {
    @Test func theSampleLoads() throws {
        let s = Scratch()
        let instance = try load(s)
        #expect(instance.train.count + instance.test.count == 16)
        #expect(instance.featureNames == ["x", "c=a", "c=b", "c=c", "group=maj", "group=min", "(intercept)"])
    }

    // MARK: Columns

    @Test func misspelledLabelColumnNamesTheHeaderAndCloseMatches() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: 1, column: "lable",
                         containing: ["no such column", "the label", "did you mean 'label'", "label.column"]) {
            try load(s, spec: sampleSpec.with(#"column = "label""#, #"column = "lable""#))
        }
    }

    @Test func missingFeatureColumnListsTheColumns() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: 1, column: "income",
                         containing: ["no such column", "x, c, group, label", "features.numeric"]) {
            try load(s, spec: sampleSpec.with(#"numeric = ["x"]"#, #"numeric = ["x", "income"]"#))
        }
    }

    @Test func caseMismatchIsSuggested() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: 1, column: "Group", containing: ["did you mean 'group'"]) {
            try load(s, spec: sampleSpec.with(#"column = "group""#, #"column = "Group""#))
        }
    }

    @Test func missingFilterColumn() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: 1, column: "y", containing: ["filter 'y > 1'"]) {
            try load(s, spec: sampleSpec.with("missing = \"fail\"", "missing = \"fail\"\nfilters = [\"y > 1\"]"))
        }
    }

    // MARK: Labels

    @Test func labelWithAThirdValue() {
        expectBadRow("5.5,c,maj,2", onLine: 7, column: "label", containing: ["third value '2'", "binary"])
    }

    @Test func labelWithASingleValue() {
        let s = Scratch()
        let csv = sampleCSV().replacingOccurrences(of: ",0\n", with: ",1\n")
        expectInputError(file: s.path("data.csv"), line: nil, column: "label", containing: ["single value '1'"]) {
            try load(s, csv: csv)
        }
    }

    @Test func favourableValueThatNeverOccurs() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: nil, column: "label",
                         containing: ["favourable value 'yes'", "never occurs", "'0', '1'", "label.favorable"]) {
            try load(s, spec: sampleSpec.with(#"favorable = "1""#, #"favorable = "yes""#))
        }
    }

    // MARK: Groups

    @Test func minorityValueThatNeverOccurs() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: nil, column: "group",
                         containing: ["no kept row has the minority value 'female'", "'maj', 'min'", "sensitive.minority"]) {
            try load(s, spec: sampleSpec.with(#"minority = ["min"]"#, #"minority = ["female"]"#))
        }
    }

    @Test func majorityValueThatNeverOccurs() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: nil, column: "group",
                         containing: ["no kept row has the majority value 'male'"]) {
            try load(s, spec: sampleSpec.with(#"majority = ["maj"]"#, #"majority = ["male"]"#))
        }
    }

    @Test func minorityListedAlsoAsMajority() {
        let s = Scratch()
        expectInputError(file: s.path("spec.toml"), line: 16, column: "sensitive.majority",
                         containing: ["'min' is listed as both minority and majority"]) {
            try load(s, spec: sampleSpec.with(#"majority = ["maj"]"#, #"majority = ["maj", "min"]"#))
        }
    }

    // MARK: Malformed CSV

    @Test func raggedShortRow() {
        expectBadRow("3.5,a,maj", onLine: 5, column: "label", containing: ["ragged row", "3 fields where the header has 4"])
    }

    @Test func raggedLongRow() {
        expectBadRow("8.5,c,min,0,extra", onLine: 10, column: "label", containing: ["ragged row", "5 fields where the header has 4", "extra"])
    }

    @Test func unterminatedQuote() {
        expectBadRow("2.5,\"c,min,1", onLine: 4, column: "c", containing: ["quoted field is never closed"])
    }

    @Test func quoteInsideAnUnquotedField() {
        expectBadRow("2.5,c\"d,min,1", onLine: 4, column: "c", containing: ["quote inside an unquoted field"])
    }

    @Test func textAfterAClosingQuote() {
        expectBadRow("2.5,\"c\"d,min,1", onLine: 4, column: "c", containing: ["after the closing quote"])
    }

    @Test func nonNumericValueInANumericColumn() {
        expectBadRow("seven,c,min,0", onLine: 9, column: "x", containing: ["'seven' is not a number", "numeric"])
    }

    @Test func missingDataFile() {
        let s = Scratch()
        expectInputError(file: s.path("nowhere.csv"), line: nil, column: nil, containing: ["cannot read the data file", "data.file in \(s.path("spec.toml")) line 4"]) {
            _ = try Instance(specPath: s.write("spec.toml", sampleSpec.with("data.csv", "nowhere.csv")))
        }
    }

    // MARK: Missing values

    @Test func missingValueWithMissingFail() {
        expectBadRow("?,a,min,1", onLine: 11, column: "x", containing: ["missing value '?'", "missing = \"fail\""])
    }

    @Test func missingSensitiveValueWithMissingFail() {
        expectBadRow("9.5,a,,1", onLine: 11, column: "group", containing: ["missing value ''"])
    }

    @Test func missingValueWithMissingDropDropsTheRow() throws {
        let s = Scratch()
        let instance = try load(s, spec: sampleSpec.with("missing = \"fail\"", "missing = \"drop\""),
                                csv: sampleCSV(replacingLine: 11, with: "?,a,min,1"))
        #expect(instance.train.count + instance.test.count == 15)
        #expect(!(instance.train.lines + instance.test.lines).contains(11))
    }

    @Test func rowsOfNeitherGroupAreDroppedBeforeTheirMissingValuesCount() throws {
        let s = Scratch()
        let instance = try load(s, csv: sampleCSV(extra: ["?,a,other,1"]))
        #expect(instance.train.count + instance.test.count == 16)
    }

    // MARK: Empty splits

    @Test func headerOnlyFile() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: nil, column: nil, containing: ["no data rows", "empty"]) {
            try load(s, csv: "x,c,group,label\n")
        }
    }

    @Test func emptyFile() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: nil, column: nil, containing: ["the file is empty"]) {
            try load(s, csv: "")
        }
    }

    @Test func everyRowFilteredOut() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: nil, column: nil,
                         containing: ["no rows left", "16 by the filters"]) {
            try load(s, spec: sampleSpec.with("missing = \"fail\"", "missing = \"fail\"\nfilters = [\"x > 100\"]"))
        }
    }

    @Test func testFractionLeavingAnEmptyTestSplit() {
        let s = Scratch()
        let csv = "x,c,group,label\n1,a,min,1\n2,b,maj,0\n"
        expectInputError(file: s.path("data.csv"), line: nil, column: nil, containing: ["test split is empty"]) {
            try load(s, spec: sampleSpec.with("test_fraction = 0.5", "test_fraction = 0.1"), csv: csv)
        }
    }

    @Test func emptyTestFileOfASplitSource() {
        let s = Scratch()
        s.write("train.csv", sampleCSV())
        s.write("test.csv", "x,c,group,label\n")
        let spec = sampleSpec.with("file = \"data.csv\"\ntest_fraction = 0.5\nsplit_seed = 1",
                                   "train = \"train.csv\"\ntest = \"test.csv\"")
        expectInputError(file: s.path("test.csv"), line: nil, column: nil, containing: ["no data rows"]) {
            _ = try Instance(specPath: s.write("spec.toml", spec))
        }
    }

    @Test func trainSplitWithASingleLabel() {
        let s = Scratch()
        s.write("train.csv", sampleCSV().replacingOccurrences(of: ",0\n", with: ",1\n"))
        s.write("test.csv", sampleCSV())
        let spec = sampleSpec.with("file = \"data.csv\"\ntest_fraction = 0.5\nsplit_seed = 1",
                                   "train = \"train.csv\"\ntest = \"test.csv\"")
        expectInputError(file: s.path("train.csv"), line: nil, column: "label",
                         containing: ["every row of the train split has the label '1'"]) {
            _ = try Instance(specPath: s.write("spec.toml", spec))
        }
    }

    @Test func trainSplitWithoutMinorityRows() {
        let s = Scratch()
        let csv = "x,c,group,label\n1,a,min,1\n2,b,maj,0\n3,a,maj,1\n4,b,maj,0\n"
        var failures = 0
        for seed in 0..<40 {
            let spec = sampleSpec.with("test_fraction = 0.5\nsplit_seed = 1", "test_fraction = 0.25\nsplit_seed = \(seed)")
            do {
                try load(s, spec: spec, csv: csv)
            } catch let error as InputError {
                #expect(error.message.contains("the train split has no minority row"), "\(error)")
                #expect(error.file == s.path("data.csv") && error.column == "group")
                failures += 1
            } catch {
                Issue.record("\(error)")
            }
        }
        #expect(failures > 0 && failures < 40)  // the one minority row is in test for some seeds only
    }

    // MARK: Collective

    @Test(arguments: ["0", "0.0", "-0.5", "1.5", "2"])
    func alphaOutsideZeroOne(_ alpha: String) {
        let s = Scratch()
        expectInputError(file: s.path("spec.toml"), line: 23, column: "collective.alpha", containing: ["must be in (0, 1]"]) {
            try load(s, spec: sampleSpec.with("alpha = 1.0", "alpha = \(alpha)"))
        }
    }

    @Test func alphaOfOneAndASmallAlphaAreAccepted() throws {
        let s = Scratch()
        try load(s, spec: sampleSpec.with("alpha = 1.0", "alpha = 1"))
        try load(s, spec: sampleSpec.with("alpha = 1.0", "alpha = 0.01"))
    }

    @Test func membershipColumnWithABadValue() {
        let s = Scratch()
        var rows = ["x,c,group,label,member"]
        for i in 0..<8 { rows.append("\(i),a,\(i % 2 == 0 ? "min" : "maj"),\((i / 2) % 2),\(i == 4 ? "maybe" : "1")") }
        s.write("train.csv", rows.joined(separator: "\n"))
        s.write("test.csv", rows.joined(separator: "\n").with("maybe", "0"))
        let spec = sampleSpec
            .with("file = \"data.csv\"\ntest_fraction = 0.5\nsplit_seed = 1", "train = \"train.csv\"\ntest = \"test.csv\"")
            .with("alpha = 1.0\nseed = 1", "membership_column = \"member\"")
        expectInputError(file: s.path("train.csv"), line: 6, column: "member", containing: ["must be 0 or 1", "'maybe'"]) {
            _ = try Instance(specPath: s.write("spec.toml", spec))
        }
    }

    @Test func membershipColumnPicksMarkedMinorityRows() throws {
        let s = Scratch()
        var rows = ["x,c,group,label,member"]
        for i in 0..<8 { rows.append("\(i),a,\(i % 2 == 0 ? "min" : "maj"),\((i / 2) % 2),\(i == 2 || i == 3 ? 1 : 0)") }
        s.write("train.csv", rows.joined(separator: "\n"))
        s.write("test.csv", rows.joined(separator: "\n"))
        let spec = sampleSpec
            .with("file = \"data.csv\"\ntest_fraction = 0.5\nsplit_seed = 1", "train = \"train.csv\"\ntest = \"test.csv\"")
            .with("alpha = 1.0\nseed = 1", "membership_column = \"member\"")
        let instance = try Instance(specPath: s.write("spec.toml", spec))
        #expect(instance.collective == [2])  // row 3 is marked but in the majority
    }

    @Test func valuesThatOverflowStandardisationNameTheirLineAndColumn() throws {
        // The issue's reproducer: 1.7e308 on every other row; the column's mean overflows.
        let s = Scratch()
        var lines = sampleCSV().split(separator: "\n").map(String.init)
        for l in stride(from: 1, to: lines.count, by: 2) { lines[l] = "1.7e308" + lines[l].drop { $0 != "," } }
        let error = inputError { try load(s, csv: lines.joined(separator: "\n")) }
        #expect(error?.file == s.path("data.csv") && error?.column == "x")
        #expect(error.map { stride(from: 2, to: lines.count + 1, by: 2).contains($0.line ?? 0) } == true, "\(String(describing: error))")
        #expect(error?.message.contains("too large to standardise") == true)
    }

    @Test func oneHugeTrainingValueOverflowsTheVarianceAtItsLine() throws {
        let s = Scratch()
        let line = try load(s).train.lines[3]
        var lines = sampleCSV().split(separator: "\n").map(String.init)
        lines[line - 1] = "1.7e308" + lines[line - 1].drop { $0 != "," }
        expectInputError(file: s.path("data.csv"), line: line, column: "x", containing: ["1.7e+308", "variance overflows"]) {
            try load(s, csv: lines.joined(separator: "\n"))
        }
    }

    @Test func aMisspeltDroppedColumnIsRefusedWithACloseMatch() {
        let s = Scratch()
        let spec = sampleSpec.with("numeric = [\"x\"]\ncategorical = [\"c\"]", "drop = [\"cc\"]")
        expectInputError(file: s.path("data.csv"), line: 1, column: "cc",
                         containing: ["no such column", "features.drop in \(s.path("spec.toml")) line 19", "did you mean 'c'?"]) {
            try load(s, spec: spec)
        }
    }

    @Test func aDroppedColumnIsLeftOutOfTheInferredFeatures() throws {
        let s = Scratch()
        let instance = try load(s, spec: sampleSpec.with("numeric = [\"x\"]\ncategorical = [\"c\"]", "drop = [\"c\"]"))
        #expect(instance.featureNames == ["x", "group=maj", "group=min", "(intercept)"])
    }

    @Test(arguments: ["1.0", "1.00", " 1.0 "])
    func labelsMatchTheFavourableValueAsNumbers(written: String) throws {
        let s = Scratch()
        let csv = sampleCSV().split(separator: "\n").enumerated().map { i, line in
            guard i > 0 else { return String(line) }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return cells.dropLast().joined(separator: ",") + "," + (cells.last == "1" ? written : "0.0")
        }.joined(separator: "\n") + "\n"
        let asNumbers = try load(s, csv: csv)
        let asText = try load(Scratch())
        #expect(asNumbers.train.labels == asText.train.labels && asNumbers.test.labels == asText.test.labels)
        #expect(asNumbers.train.labels.contains(1) && asNumbers.train.labels.contains(0))
    }

    @Test func labelTextsThatAreNotNumbersStillMatchExactly() {
        let s = Scratch()
        expectInputError(file: s.path("data.csv"), line: nil, column: "label", containing: ["'yes'", "never occurs"]) {
            try load(s, spec: sampleSpec.with("favorable = \"1\"", "favorable = \"yes\""))
        }
    }

    @Test func aFavourableValueWrittenAsATOMLNumberMatchesNumerically() throws {
        let s = Scratch()
        let asNumber = try load(s, spec: sampleSpec.with("favorable = \"1\"", "favorable = 1.0"))
        let asText = try load(Scratch())
        #expect(asNumber.train.labels == asText.train.labels)
    }
}
