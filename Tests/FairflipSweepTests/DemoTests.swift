import FairflipTestSupport
import Testing
@testable import FairflipSweep

@Suite struct DemoTests {
    @Test func fallsBackToTheBestRegisteredMethodAndDrawsAWellFormedPicture() throws {
        let demo = try ToyDemo(specPath: Repository.path("instances/toy.toml"), budget: 6,
                               planners: [FirstK(), LastKSeeded()])
        #expect(demo.choice.contains("mip is not registered"))
        #expect(demo.plan.flips.count == 6)
        #expect(demo.headline.contains("train: eqodds") && demo.headline.contains("% cut"))
        #expect(demo.auditTable.contains("train after"))
        let svg = try demo.picture()
        #expect(isWellFormedXML(svg))
        #expect(svg.contains("minority boundary, after"))
        // Six flips are ringed.
        #expect(svg.components(separatedBy: "r=\"9.00\" fill=\"none\"").count - 1 == 6 + 1)
    }

    @Test func usesThePreferredPlannerWhenRegistered() throws {
        var preferred = FirstK()
        preferred.name = "mip"
        let demo = try ToyDemo(specPath: Repository.path("instances/toy.toml"), budget: 6,
                               planners: [LastKSeeded(), preferred])
        #expect(demo.method == "mip")
    }

    @Test func refusesWithoutPlanners() {
        #expect(throws: SweepError.self) {
            try ToyDemo(specPath: Repository.path("instances/toy.toml"), budget: 6, planners: [])
        }
    }
}
