import ArgumentParser
import FairflipData

/// `fairflip toy`: write the seeded 2-D synthetic data set.
struct ToyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toy",
        abstract: "Write the seeded 2-D synthetic data (majority circles, minority crosses) as CSV.")

    @Option(help: "Random seed.")
    var seed: UInt64 = 7

    @Option(name: .shortAndLong, help: "Output CSV file (default: stdout).")
    var output: String?

    func validate() throws {
        if let output { try OutputPath.check(output, as: .file, flag: "--output") }
    }

    func run() throws {
        let csv = ToyGenerator().csv(seed: seed)
        if let output {
            try reportingErrors { try writeOutput(csv, to: output) }
        } else {
            print(csv, terminator: "")
        }
    }
}
