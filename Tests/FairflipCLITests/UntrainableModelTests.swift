import FairflipTestSupport
import Foundation
import Testing

/// Data the firm's model cannot be trained on give one clear error and exit 2 in every
/// command, never a result (issue 11 item 1's reproducer: 1.7e308 on every other toy row).
@Suite("untrainable data")
struct UntrainableModelTests {
    static func overflowingToy() throws -> String {
        let folder = try CommandLineRunner.temporaryFolder()
        let csv = try String(contentsOfFile: Repository.path("instances/data/toy.csv"), encoding: .utf8)
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for l in stride(from: 1, to: lines.count, by: 2) where !lines[l].isEmpty {
            lines[l] = "1.7e308" + lines[l].drop { $0 != "," }
        }
        try lines.joined(separator: "\n").write(toFile: folder + "/toy.csv", atomically: true, encoding: .utf8)
        let spec = try String(contentsOfFile: Repository.path("instances/toy.toml"), encoding: .utf8)
            .replacingOccurrences(of: "data/toy.csv", with: "toy.csv")
        try spec.write(toFile: folder + "/toy.toml", atomically: true, encoding: .utf8)
        return folder
    }

    @Test(arguments: [["audit"], ["plan", "--budget", "3", "--method", "rb-prob"], ["sweep", "--budgets", "0,2", "--methods", "rb-prob"]])
    func everyCommandRefusesIt(command: [String]) throws {
        let folder = try Self.overflowingToy()
        var arguments = [command[0], folder + "/toy.toml"] + command.dropFirst() + ["--quiet"]
        if command[0] == "sweep" { arguments += ["--out", folder + "/sweep"] }
        let run = try CommandLineRunner.run(arguments)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("toy.csv, line ") && run.stderr.contains("column 'x1'"), "\(run.stderr)")
        #expect(run.stderr.contains("too large to standardise"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
