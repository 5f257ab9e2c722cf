import FairflipPlanners
import FairflipSweep
import Foundation

/// A configured MIP under its own method name, so that a sweep can compare MIP objectives
/// (hard, soft at several τ, hard with a score margin) as methods, paired on the same splits:
/// `--mip-variant soft0.3=formulation:soft,tau:0.3`.
struct MIPVariant: Planner {
    let name: String
    /// The MIP with the variant's settings applied.
    let planner: any Planner

    var capabilities: PlannerCapabilities { planner.capabilities }

    func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        try planner.plan(context, budget: budget, progress: progress)
    }

    func recordedPlan(_ context: PlanningContext, budget: Int,
                      progress: @escaping @Sendable (String) -> Void) throws -> RecordedPlan {
        try planner.recordedPlan(context, budget: budget, progress: progress)
    }

    /// The variant's settings are fixed when it is parsed.
    func configured(_ settings: PlannerSettings) -> any Planner { self }

    /// The keys a variant may set.
    static let keys = ["formulation (hard|soft)", "tau", "margin", "accept-tau (0: exact)", "rounds", "time-limit (s)", "node-limit",
                       "planning-rows", "gradient-start (true|false)"]

    /// A setting's key as a variant writes it, where it differs from the setting's name.
    static let keyNames: [PlannerSettings.Key: String] = [
        .acceptanceTau: "accept-tau", .timeLimit: "time-limit", .nodeLimit: "node-limit", .planningRows: "planning-rows",
        .gradientStart: "gradient-start",
    ]

    /// Parses `NAME=key:value,...` on top of `base` (the sweep's own settings).
    init(parsing text: String, base: PlannerSettings) throws(SweepError) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains(",") else {
            throw SweepError("--mip-variant '\(text)': write NAME=key:value,... (keys: \(Self.keys.joined(separator: ", ")))")
        }
        let variant = parts[0]
        var s = base
        for item in parts[1].split(separator: ",") {
            let kv = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { throw SweepError("--mip-variant \(variant): '\(item)' is not key:value") }
            let (key, value) = (kv[0], kv[1])
            func number() throws(SweepError) -> Double {
                guard let x = Double(value) else { throw SweepError("--mip-variant \(variant): \(key) needs a number, got '\(value)'") }
                return x
            }
            func count() throws(SweepError) -> Int {
                guard let x = Int(value) else { throw SweepError("--mip-variant \(variant): \(key) needs a whole number, got '\(value)'") }
                return x
            }
            switch key {
            case "formulation":
                guard let f = MIPPlanner.FormulationKind(rawValue: value) else {
                    throw SweepError("--mip-variant \(variant): formulation is hard or soft, got '\(value)'")
                }
                s.formulation = f
            case "tau": s.tau = try number()
            case "margin": s.margin = try number()
            case "accept-tau": s.acceptanceTau = try number()
            case "rounds": s.rounds = try count()
            case "time-limit": s.timeLimit = try number()
            case "node-limit": s.nodeLimit = try count()
            case "planning-rows": s.planningRows = try count()
            case "gradient-start":
                guard let b = Bool(value) else {
                    throw SweepError("--mip-variant \(variant): gradient-start is true or false, got '\(value)'")
                }
                s.gradientStart = b
            default:
                throw SweepError("--mip-variant \(variant): unknown key '\(key)' (keys: \(Self.keys.joined(separator: ", ")))")
            }
        }
        // The engine's own range checks (the ones the plain flags get).
        if let problem = s.problem() {
            throw SweepError("--mip-variant \(variant): \(Self.keyNames[problem.key] ?? problem.key.rawValue): \(problem.message)")
        }
        name = variant
        planner = MIPPlanner(configuration: MIPPlanner.Configuration().applying(s))
    }
}
