import FairflipData
import FairflipFairness
import FairflipPlanners
import FairflipTestSupport
import Testing

@Suite("Planning context")
struct PlanningContextTests {
    /// Separable rows (x < 0 unfavourable) in both groups.
    static func separable(C: Double) throws -> Instance {
        var builder = ProblemBuilder(numeric: [("x", [-3, -2, -1, 1, 2, 3, -2.5, 2.5, 1.5, -1.5])],
                                     groups: [.minority, .majority, .minority, .majority, .minority,
                                              .majority, .minority, .majority, .minority, .majority],
                                     labels: [0, 0, 0, 1, 1, 1, 0, 1, 1, 0])
        builder.settings.C = C
        return try builder.trainTest(test: [8, 9]).encoded().drawCollective(alpha: 1, seed: 0)
    }

    /// A re-split of a two-file spec holds line 2 of both files: the MIP's columns name the
    /// test file's rows `t<line>` and the export says which file each row comes from.
    @Test func aPooledResplitNamesEveryMIPColumnOnce() throws {
        let folder = Scratch(prefix: "fairflip-planner-tests-")
        let table = try DataTable(spec: InstanceSpec(contentsOf: TwoFileToy.write(into: folder)))
        let encoded = try table.split(testFraction: table.specTestFraction, seed: 5).encoded()
        let context = try PlanningContext(instance: encoded.drawCollective(alpha: 1, seed: 0))
        let exported = try MIPPlanner().firstProblem(context, budget: 5)
        let names = exported.problem.columnNames
        #expect(Set(names).count == names.count)
        let rows = exported.columns.filter { $0.kind == "flip" || $0.kind == "pred" }
        #expect(rows.contains { $0.file == folder.path("test.csv") } && rows.contains { $0.file == folder.path("train.csv") })
        for column in rows {
            let prefix = column.file == folder.path("test.csv") ? "t" : ""
            #expect(column.name == "\(column.kind)_\(prefix)\(column.csvLine!)")
        }
    }

    @Test func aBaseModelThatCannotBeTrainedIsAnInputErrorNotAContext() throws {
        let instance = try Self.separable(C: 1e30)
        #expect {
            _ = try PlanningContext(instance: instance)
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.file == "(memory)" && e.message.contains("cannot be trained on the train split")
                && e.message.contains("lower C")
        }
    }

    @Test func aModerateCTrainsTheSameSeparableRows() throws {
        let context = try PlanningContext(instance: Self.separable(C: 1))
        #expect(context.baseModel.converged)
        #expect(context.candidates == [0, 2, 6])
    }
}
