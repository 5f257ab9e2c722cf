import FairflipData
import FairflipFairness
import FairflipPlanners
import FairflipTestSupport

/// Instances shared by the planner tests, built once.
enum PlannerFixtures {
    /// The toy's data, read, split and encoded once; the variants below draw their collectives
    /// from it in memory.
    static let toyData: EncodedData = try! DataTable(spec: InstanceSpec(contentsOf: Repository.path("instances/toy.toml")))
        .split().encoded()

    /// The toy with a small collective (seed 1), a flip direction and a metric.
    static func toy(alpha: Double, direction: FlipDirection = .up, metric: FairnessMetric = .eqodds) -> Instance {
        var data = toyData
        data.settings = ProblemSettings(name: "toy-small", origin: "(toy, in memory)", direction: direction, metric: metric)
        return data.drawCollective(alpha: alpha, seed: 1)
    }

    /// The toy instance with a small collective (alpha 0.2): at most 16 candidates, so that
    /// exhaustive search over budgets up to 4 is quick.
    static let toySmall: PlanningContext = try! PlanningContext(instance: toy(alpha: 0.2), seed: 3)
    static let toySmallDown: PlanningContext = try! PlanningContext(instance: toy(alpha: 0.6, direction: .down), seed: 3)
    static let toySmallBoth: PlanningContext = try! PlanningContext(instance: toy(alpha: 0.2, direction: .both, metric: .dp), seed: 3)

    /// The small toy variants by name, for parameterised tests.
    static func toy(_ name: String) -> PlanningContext {
        switch name {
        case "down": return toySmallDown
        case "both": return toySmallBoth
        default: return toySmall
        }
    }

    /// A hand-checkable micro instance (one numeric feature `x`, group A = minority, B = majority):
    ///
    ///     row  x     group label        row  x     group label
    ///     0    0     B     1            5    1.4   A     0   (candidate)
    ///     1    1     B     1            6    5.2   A     0   (candidate)
    ///     2    2     B     0            7    3     A     1
    ///     3    4     B     1            8   -0.3   A     0   (candidate)
    ///     4    6     B     0            9    7     A     0   (candidate)
    static let microX: [Double] = [0, 1, 2, 4, 6, 1.4, 5.2, 3, -0.3, 7]

    static func micro(direction: FlipDirection = .up) throws -> PlanningContext {
        let groups: [Group] = [.majority, .majority, .majority, .majority, .majority,
                               .minority, .minority, .minority, .minority, .minority]
        let labels: [Double] = [1, 1, 0, 1, 0, 0, 0, 1, 0, 0]
        // Four test rows after the ten training rows: (1, A, 1), (2, B, 0), (3, A, 0), (0, B, 1).
        var builder = ProblemBuilder(numeric: [("x", microX + [1, 2, 3, 0])],
                                     groups: groups + [.minority, .majority, .minority, .majority], labels: labels + [1, 0, 0, 1])
        builder.sensitiveColumn = "g"
        builder.groupValues = [.minority: "A", .majority: "B"]
        builder.settings = ProblemSettings(name: "micro", origin: "(micro, in memory)", direction: direction)
        let encoded = try builder.trainTest(test: [10, 11, 12, 13]).encoded()
        return try PlanningContext(instance: encoded.drawCollective(alpha: 1, seed: 0))
    }

    /// Population standard deviation of the micro instance's `x` (the scaler's).
    static var microScale: Double {
        let mean = microX.reduce(0, +) / Double(microX.count)
        return (microX.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(microX.count)).squareRoot()
    }

    static let silent: @Sendable (String) -> Void = { _ in }
}
