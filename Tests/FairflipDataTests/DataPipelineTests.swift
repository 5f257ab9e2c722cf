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

    @Test func aTableFromTwoFilesKeepsThemAndRefusesARandomSplit() throws {
        let table = try DataTable(spec: InstanceSpec(contentsOf: Repository.path("instances/adult.toml")))
        let error = inputError { _ = try table.split(testFraction: 0.3, seed: 1) }
        #expect(error?.message.contains("a random split needs one data file") == true)
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
