import ArgumentParser
import FairflipPlanners
import FairflipReports
import FairflipResults
import Foundation

/// `fairflip demo`: plan on the toy instance, print the before/after audit and the headline,
/// and draw the 2-D picture.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Plan k flips on the 2-D toy instance, print before/after, and draw demo/toy.svg.")

    @Option(help: "The instance (two numeric features).")
    var spec: String = "instances/toy.toml"

    @Option(name: .customLong("k"), help: "Budget (flips allowed).")
    var budget: Int = 6

    @Option(help: "Output folder for toy.svg.")
    var out: String = "demo"

    @Flag(name: .shortAndLong, help: "Silence progress messages on stderr.")
    var quiet = false

    func validate() throws {
        guard budget >= 0 else { throw ValidationError("--k: the budget must be at least 0 flips, got \(budget)") }
        try OutputPath.check(out, as: .folder, flag: "--out")
    }

    func run() throws {
        let progress = Progress(quiet: quiet)
        let quiet = self.quiet
        let (demo, path) = try reportingErrors { () throws -> (ToyDemo, String) in
            let demo = try ToyDemo(specPath: spec, budget: budget, planners: PlannerRegistry.all) { line in
                if !quiet { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let path = (out as NSString).appendingPathComponent("toy.svg")
            try AtomicFile.write(try demo.picture(), to: path)
            return (demo, path)
        }
        print("method: \(demo.choice)")
        print("flipped training rows: \(demo.plan.flips.map(String.init).joined(separator: " "))\n")
        print(demo.auditTable)
        print(demo.headline, terminator: "")
        progress.note("picture: \(path)")
    }
}
