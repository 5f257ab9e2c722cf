import FairflipData
import FairflipTestSupport
import Foundation
import Testing

@Suite("Toy generator")
struct ToyGeneratorTests {
    @Test func sameSeedSameBytes() {
        #expect(ToyGenerator().csv(seed: 7) == ToyGenerator().csv(seed: 7))
        #expect(ToyGenerator().csv(seed: 7) != ToyGenerator().csv(seed: 8))
    }

    @Test func committedToyDataIsTheGeneratorsOutput() throws {
        let committed = try String(contentsOfFile: Repository.path("instances/data/toy.csv"), encoding: .utf8)
        #expect(committed == ToyGenerator().csv(seed: 7))
    }
}
