import FairflipPlanners
import FairflipSweep
import Foundation

/// A configured MIP under its own method name, so that a sweep can compare MIP objectives
/// (hard, soft at several τ, ...) as methods, paired on the same splits:
/// `--mip-variant soft0.3=formulation:soft,tau:0.3`.
struct MIPVariant: Planner {
    let name: String
    let planner: MIPPlanner

    func plan(_ context: PlanningContext, budget: Int, progress: @escaping @Sendable (String) -> Void) throws -> Plan {
        try planner.plan(context, budget: budget, progress: progress)
    }

    /// The keys a variant may set, with what they mean.
    static let keys = ["formulation (hard|soft)", "tau (> 0)", "rounds (>= 0)", "time-limit (s)", "planning-rows (>= 1)",
                       "gradient-start (true|false)"]

    /// Parses `NAME=key:value,...` on top of `base` (the sweep's own MIP settings).
    init(parsing text: String, base: MIPPlanner.Configuration) throws(SweepError) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains(",") else {
            throw SweepError("--mip-variant '\(text)': write NAME=key:value,... (keys: \(Self.keys.joined(separator: ", ")))")
        }
        var c = base
        for item in parts[1].split(separator: ",") {
            let kv = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { throw SweepError("--mip-variant \(parts[0]): '\(item)' is not key:value") }
            let (key, value) = (kv[0], kv[1])
            func number() throws(SweepError) -> Double {
                guard let x = Double(value), x.isFinite else {
                    throw SweepError("--mip-variant \(parts[0]): \(key) needs a number, got '\(value)'")
                }
                return x
            }
            func count() throws(SweepError) -> Int {
                guard let x = Int(value), x >= 0 else {
                    throw SweepError("--mip-variant \(parts[0]): \(key) needs a whole number >= 0, got '\(value)'")
                }
                return x
            }
            switch key {
            case "formulation":
                guard let f = MIPPlanner.FormulationKind(rawValue: value) else {
                    throw SweepError("--mip-variant \(parts[0]): formulation is hard or soft, got '\(value)'")
                }
                c.formulation = f
            case "tau":
                c.tau = try number()
                guard c.tau > 0 else { throw SweepError("--mip-variant \(parts[0]): tau must be positive") }
            case "rounds": c.rounds = try count()
            case "time-limit":
                c.timeLimit = try number()
                guard c.timeLimit > 0 else { throw SweepError("--mip-variant \(parts[0]): time-limit must be positive") }
            case "planning-rows":
                let n = try count()
                guard n >= 1 else { throw SweepError("--mip-variant \(parts[0]): planning-rows must be at least 1") }
                c.planningRows = n
            case "gradient-start":
                guard let b = Bool(value) else {
                    throw SweepError("--mip-variant \(parts[0]): gradient-start is true or false, got '\(value)'")
                }
                c.gradientStart = b
            default:
                throw SweepError("--mip-variant \(parts[0]): unknown key '\(key)' (keys: \(Self.keys.joined(separator: ", ")))")
            }
        }
        name = parts[0]
        planner = MIPPlanner(configuration: c)
    }
}
