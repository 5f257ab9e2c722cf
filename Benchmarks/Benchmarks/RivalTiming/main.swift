import FairflipData
import FairflipPlanners
import Foundation

/// Times every planner on one instance (COMPAS by default): wall time, plan size, train/test
/// metric after retraining. Run from `Benchmarks/` (or with `Benchmarks/planners/rival_times.sh`):
///
///     swift run -c release RivalTiming
///
/// Budgets: `FAIRFLIP_BENCH_K` (comma-separated, default 50). `FAIRFLIP_BENCH_SWEEP=1` also
/// sweeps the smoothing temperature of greedy-surrogate and gradient. A benchmark, not a test:
/// it asserts nothing and prints figures.
struct RivalTimingBenchmark {
    /// The repository root (this file is Benchmarks/Benchmarks/RivalTiming/main.swift).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let environment = ProcessInfo.processInfo.environment
    static let budgets: [Int] = (environment["FAIRFLIP_BENCH_K"] ?? "50").split(separator: ",").compactMap { Int($0) }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func pad(_ name: String) -> String { name.padding(toLength: 18, withPad: " ", startingAt: 0) }

    static func run(_ planner: any Planner, _ context: PlanningContext, budget: Int) -> String {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let plan = try planner.plan(context, budget: budget, progress: { _ in })
            let elapsed = seconds(clock.now - start)
            let evaluation = try PlanEvaluation(plan: plan, context: context)
            let d = plan.diagnostics
            var line = pad(planner.name) + String(format: " k=%-4d %8.3f s  flips %4d  train %.4f  test %.4f",
                              budget, elapsed, plan.flips.count,
                              evaluation.train.value(of: context.metric), evaluation.test.value(of: context.metric))
            for key in ["retrains", "newtonIterations", "chordSteps", "iterations"] where d[key] != nil {
                line += "  \(key) \(Int(d[key]!))"
            }
            return line
        } catch {
            return pad(planner.name) + String(format: " k=%-4d refused after %.3f s: ", budget, seconds(clock.now - start))
                + "\(error)"
        }
    }

    /// The instance: `FAIRFLIP_BENCH_INSTANCE` (a spec under `instances/`, default compas).
    static let instanceName = environment["FAIRFLIP_BENCH_INSTANCE"] ?? "compas"

    static func compasAllMethods() throws {
        let instance = try Instance(specPath: root + "/instances/\(Self.instanceName).toml")
        let context = try PlanningContext(instance: instance, seed: 1)
        let base = try PlanEvaluation(flips: [], context: context)
        print("\(Self.instanceName): \(instance.train.count) train rows, \(context.candidates.count) candidates, metric \(context.metric.rawValue), "
              + String(format: "base train %.4f test %.4f", base.train.value(of: context.metric), base.test.value(of: context.metric)))
        for k in Self.budgets {
            for planner in PlannerRegistry.all {
                print(Self.run(planner, context, budget: k))
            }
        }
    }

    static func compasTemperatureSweep() throws {
        let context = try PlanningContext(instance: Instance(specPath: root + "/instances/compas.toml"), seed: 1)
        for k in Self.budgets {
            for tau in [0.05, 0.1, 0.25, 0.5, 1.0] {
                print("tau \(tau): " + Self.run(GreedySurrogatePlanner(temperature: tau), context, budget: k))
                print("tau \(tau): " + Self.run(GradientPlanner(temperatures: [tau]), context, budget: k))
                print("tau \(tau): " + Self.run(GreedyRetrainPlanner(temperature: tau), context, budget: k))
            }
            for screen in [1, 5, 20, 50] {
                print("screen \(screen): " + Self.run(GreedyRetrainPlanner(screen: screen), context, budget: k))
            }
            for schedule in [[1.0, 0.5, 0.25, 0.1, 0.05], [0.25, 0.1, 0.05, 0.02], [0.5, 0.1]] {
                print("schedule \(schedule): " + Self.run(GradientPlanner(temperatures: schedule), context, budget: k))
            }
            for iterations in [25, 200] {
                print("iterations \(iterations): " + Self.run(GradientPlanner(maxIterations: iterations), context, budget: k))
            }
        }
    }
}

try RivalTimingBenchmark.compasAllMethods()
if RivalTimingBenchmark.environment["FAIRFLIP_BENCH_SWEEP"] != nil { try RivalTimingBenchmark.compasTemperatureSweep() }
