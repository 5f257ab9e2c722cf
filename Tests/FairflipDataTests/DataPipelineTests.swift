import FairflipData
import FairflipFairness
import FairflipTestSupport
import Testing

/// The steps from a spec to a planning problem (load once, split, encode, draw the collective),
/// each used on its own in memory.
@Suite("Data pipeline")
struct DataPipelineTests {
    static let toySpec = Result { try InstanceSpec(contentsOf: Repository.path("instances/toy.toml")) }
    static let toyTable = Result { try DataTable(spec: toySpec.get()) }

    @Test func collectivesRedrawnInMemoryMatchTheSpecsDraws() throws {
        var spec = try Self.toySpec.get()
        let encoded = try Self.toyTable.get().split().encoded()
        for (alpha, seed) in [(0.2, UInt64(1)), (0.5, 7), (1.0, 0)] {
            spec.collective = .fraction(alpha: alpha, seed: seed)
            let fromFiles = try Instance(spec: spec)
            let inMemory = encoded.drawCollective(alpha: alpha, seed: seed)
            #expect(inMemory.collective == fromFiles.collective)
            #expect(inMemory.train.features.storage == fromFiles.train.features.storage)
            #expect(inMemory.candidates == fromFiles.candidates)
        }
        #expect(encoded.drawCollective(alpha: 0.5, seed: 1).collective != encoded.drawCollective(alpha: 0.5, seed: 2).collective)
    }

    @Test func resplitsAreSeededDisjointAndEncodedOnTheirOwnTrainingRows() throws {
        let table = try Self.toyTable.get()
        let a = try table.split(testFraction: 0.3, seed: 11).encoded()
        let b = try table.split(testFraction: 0.3, seed: 11).encoded()
        let c = try table.split(testFraction: 0.3, seed: 12).encoded()
        #expect(a.train.lines == b.train.lines && a.train.features.storage == b.train.features.storage)
        #expect(a.train.lines != c.train.lines)
        #expect(a.test.count == 120 && a.train.count == 280)  // round(0.3 * 400)
        #expect(Set(a.train.lines).isDisjoint(with: a.test.lines))
        #expect(Set(a.train.lines + a.test.lines) == Set(table.files[0].lines))
        for split in [a, c] {
            let x = split.train.features.column(0)
            let mean = x.reduce(0, +) / Double(x.count)
            #expect(abs(mean) < 1e-12, "the scaler is fitted on each split's own training rows")
        }
    }

    @Test func aTableFromTwoFilesKeepsThemAsTheSpecsSplit() throws {
        let folder = Scratch()
        let table = try DataTable(spec: InstanceSpec(contentsOf: TwoFileToy.write(into: folder)))
        let rows = try table.split()
        #expect(rows.train.sourceFiles == [folder.path("train.csv")] && rows.test.sourceFiles == [folder.path("test.csv")])
        #expect(rows.train.lines == Array(2...301) && rows.test.lines == Array(2...101))
        #expect(abs(table.specTestFraction - 0.25) < 1e-15)
        let encoded = try rows.encoded()
        #expect(!encoded.train.spansFiles && !encoded.test.spansFiles)
        #expect(encoded.train.name(ofRow: 0) == "2" && encoded.test.name(ofRow: 0) == "2", "each file's own lines")
    }

    @Test func aPooledResplitIsSeededCoversEveryRowOnceAndKeepsProvenance() throws {
        let folder = Scratch()
        let table = try DataTable(spec: InstanceSpec(contentsOf: TwoFileToy.write(into: folder)))
        let a = try table.split(testFraction: table.specTestFraction, seed: 5)
        let b = try table.split(testFraction: table.specTestFraction, seed: 5)
        let c = try table.split(testFraction: table.specTestFraction, seed: 6)
        #expect(a.train.lines == b.train.lines && a.train.sourceOfRow == b.train.sourceOfRow)
        #expect(a.train.lines != c.train.lines || a.train.sourceOfRow != c.train.sourceOfRow)
        #expect(a.test.count == 100 && a.train.count == 300)

        struct Origin: Hashable { var file: String; var line: Int }
        func origins(_ rows: DataRows) -> [Origin] { rows.lines.indices.map { Origin(file: rows.file(ofRow: $0), line: rows.lines[$0]) } }
        let pooled = origins(table.files[0]) + origins(table.files[1])
        let split = origins(a.train) + origins(a.test)
        #expect(split.count == pooled.count && Set(split) == Set(pooled), "every row of both files exactly once")
        #expect(Set(origins(a.train)).isDisjoint(with: origins(a.test)))
        #expect(a.train.spansFiles && a.test.spansFiles, "a re-split mixes the files")

        // Each row keeps its values: look it up by file and line in the file it came from.
        var x1: [Origin: Double] = [:], label: [Origin: Double] = [:]
        for rows in table.files {
            for (i, o) in origins(rows).enumerated() { x1[o] = rows.numeric[0][i]; label[o] = rows.labels[i] }
        }
        for rows in [a.train, a.test] {
            for (i, o) in origins(rows).enumerated() {
                #expect(rows.numeric[0][i] == x1[o] && rows.labels[i] == label[o], "\(o)")
            }
        }
    }

    @Test func rowNamesOfAPooledSplitDoNotClash() throws {
        let folder = Scratch()
        let table = try DataTable(spec: InstanceSpec(contentsOf: TwoFileToy.write(into: folder)))
        let encoded = try table.split(testFraction: table.specTestFraction, seed: 5).encoded()
        for split in [encoded.train, encoded.test] {
            let names = split.lines.indices.map { split.name(ofRow: $0) }
            #expect(Set(names).count == split.count)
            for i in split.lines.indices {
                let fromTest = split.file(ofRow: i) == folder.path("test.csv")
                #expect(names[i] == (fromTest ? "t" : "") + String(split.lines[i]))
            }
        }
        let lines = Set(encoded.train.lines)
        #expect(lines.count < encoded.train.count, "the same line of both files is in the train split: lines alone clash")
    }

    @Test func aProblemBuiltInMemoryEncodesLikeTheScaler() throws {
        let builder = ProblemBuilder(numeric: [("x", [1, 2, 3, 4, 10, 20])],
                                     groups: [.minority, .majority, .minority, .majority, .minority, .majority],
                                     labels: [0, 1, 1, 0, 0, 1])
        let encoded = try builder.trainTest(test: [4, 5]).encoded()
        #expect(encoded.featureNames == ["x", "group=majority", "group=minority", "(intercept)"])
        // Train x = 1, 2, 3, 4: mean 2.5, population sd sqrt(1.25).
        #expect(abs(encoded.test.features[0, 0] - (10 - 2.5) / 1.25.squareRoot()) < 1e-12)
        #expect(encoded.sensitiveColumns == [SensitiveColumn(index: 1, value: "majority", group: .majority),
                                             SensitiveColumn(index: 2, value: "minority", group: .minority)])
        let instance = encoded.drawCollective(alpha: 1, seed: 0)
        #expect(instance.collective == [0, 2])
        #expect(instance.candidates == [0])  // direction up: only the unfavourable member
        #expect(instance.test.lines == [6, 7])
    }

    @Test func aTrainSplitWithoutMinorityIsRefused() {
        let builder = ProblemBuilder(numeric: [("x", [1, 2, 3, 4])], groups: [.majority, .majority, .minority, .majority],
                                     labels: [0, 1, 1, 0])
        let error = inputError { _ = try builder.trainTest(test: [2]) }
        #expect(error?.message.contains("no minority row") == true)
    }

    @Test(arguments: [false, true])
    func theTinyInstanceInMemoryIsTheOneItsFilesDescribe(empty: Bool) throws {
        let inMemory = try TinyInstance.instance(direction: .both, emptyCollective: empty)
        let fromFiles = try Instance(specPath: TinyInstance.write(direction: "both", emptyCollective: empty))
        #expect(inMemory.featureNames == fromFiles.featureNames)
        #expect(inMemory.train.features.storage == fromFiles.train.features.storage)
        #expect(inMemory.test.features.storage == fromFiles.test.features.storage)
        #expect(inMemory.train.labels == fromFiles.train.labels && inMemory.train.lines == fromFiles.train.lines)
        #expect(inMemory.collective == fromFiles.collective && inMemory.candidates == fromFiles.candidates)
        #expect(inMemory.collective.isEmpty == empty)
    }
}
