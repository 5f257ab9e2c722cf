import ArgumentParser
import FairflipData
import Foundation

/// `fairflip toy`: write the seeded synthetic data set (the 2-D toy picture, or a large one).
struct ToyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toy",
        abstract: "Write the seeded synthetic data (majority circles, minority crosses) as CSV.",
        discussion: """
            Without --rows and --features it writes the 400-row, 2-feature toy of instances/toy.toml. \
            With them it writes a larger instance of the same kind (columns x1..xD, group, label; 3 in 8 rows \
            in the minority), e.g. --rows 1000000 --features 13 for the scale benchmark.
            """)

    @Option(help: "Random seed.")
    var seed: UInt64 = 7

    @Option(help: "Rows in all (default: 400, the toy).")
    var rows: Int?

    @Option(help: "Numeric feature columns x1..xD (default: 2).")
    var features: Int?

    @Option(name: .shortAndLong, help: "Output CSV file (default: stdout).")
    var output: String?

    func validate() throws {
        if let output { try OutputPath.check(output, as: .file, flag: "--output") }
    }

    func run() throws {
        let generator = try reportingErrors { () throws(InputError) -> ToyGenerator in
            if let rows, rows < 2 { throw InputError("--rows must be at least 2, got \(rows)") }
            if let features, features < 1 { throw InputError("--features must be at least 1, got \(features)") }
            guard rows != nil || features != nil else { return ToyGenerator() }
            return ToyGenerator(rows: rows ?? 400, features: features ?? 2)
        }
        if let output {
            try reportingErrors { try writeOutput(generator.csv(seed: seed), to: output) }
        } else {
            FileHandle.standardOutput.write(Data(generator.bytes(seed: seed)))
        }
    }
}
