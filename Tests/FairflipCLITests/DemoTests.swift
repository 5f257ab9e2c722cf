import FairflipFairness
import FairflipPlanners
import FairflipTestSupport
import Testing
@testable import FairflipCLI

@Suite struct DemoTests {
    @Test func fallsBackToTheBestRegisteredMethodAndDrawsAWellFormedPicture() throws {
        let demo = try ToyDemo(specPath: Repository.path("instances/toy.toml"), budget: 6,
                               planners: [FirstK(), LastKSeeded()])
        #expect(demo.choice.contains("no preferred method is registered"))
        #expect(demo.plan.flips.count == 6)
        #expect(demo.headline.contains("train: eqodds") && demo.headline.contains("% cut"))
        #expect(demo.auditTable.contains("train after"))
        let svg = try demo.picture()
        #expect(isWellFormedXML(svg))
        #expect(svg.contains("minority boundary, after"))
        // Six flips are ringed.
        #expect(svg.components(separatedBy: "r=\"9.00\" fill=\"none\"").count - 1 == 6 + 1)
    }

    @Test func boundariesInDataCoordinatesSeparateTheModelsPredictions() throws {
        let demo = try ToyDemo(specPath: Repository.path("instances/toy.toml"), budget: 6, planners: [FirstK()])
        let picture = try demo.toyPicture()
        #expect(picture.boundaries.count == 4)
        let inst = demo.context.instance
        let models = [demo.context.baseModel, demo.after.model]
        for (b, boundary) in picture.boundaries.enumerated() {
            let model = models[b % 2]
            let group: Group = b < 2 ? .minority : .majority
            let predictions = model.predictions(inst.train.features)
            for (i, p) in picture.points.enumerated() where inst.train.groups[i] == group {
                let side = boundary.a * p.x + boundary.b * p.y + boundary.c
                if abs(side) > 1e-9 { #expect((side > 0) == predictions[i], "row \(i), \(boundary.label)") }
            }
        }
    }

    @Test func usesThePreferredPlannerWhenRegistered() throws {
        var preferred = FirstK()
        preferred.preferredForDemo = true
        let demo = try ToyDemo(specPath: Repository.path("instances/toy.toml"), budget: 6,
                               planners: [LastKSeeded(), preferred])
        #expect(demo.method == "first-k")
    }

    @Test func refusesWithoutPlanners() {
        #expect(throws: PlanningError.self) {
            try ToyDemo(specPath: Repository.path("instances/toy.toml"), budget: 6, planners: [])
        }
    }
}
