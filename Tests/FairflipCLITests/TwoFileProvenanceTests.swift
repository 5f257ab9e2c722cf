import FairflipTestSupport
import Foundation
import Testing

/// Rows named by file and line through the command line, on a spec whose train and test files
/// both hold a line 2, 3, ...: a plan read back names the training file's rows only.
@Suite struct TwoFileProvenanceTests {
    @Test func evaluateReadsAFileColumnAndRefusesTheTestFilesLines() throws {
        let folder = Scratch(prefix: "fairflip-cli-tests-")
        let spec = try TwoFileToy.write(into: folder)
        let plan = try CommandLineRunner.run(["plan", spec, "--method", "rb-prob", "--budget", "2", "--out", folder.path("plan"), "--quiet"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let flips = try String(contentsOfFile: folder.path("plan/flips.csv"), encoding: .utf8)
        #expect(flips.hasPrefix("csv_line,train_row,group,label,flipped_label\n"), "the spec's own split: no file column")
        let lines = flips.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(lines.count == 2)

        func evaluate(file: String) throws -> CommandLineRunner.Output {
            let path = folder.write("flips-\(UUID().uuidString).csv",
                                    "csv_line,file\n" + lines.map { "\($0),\(folder.path(file))\n" }.joined())
            return try CommandLineRunner.run(["evaluate", spec, "--flips", path, "--quiet"])
        }
        let train = try evaluate(file: "train.csv")
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.contains("plan: 2 flips"))
        let test = try evaluate(file: "test.csv")
        #expect(test.status == 2)
        #expect(test.stderr.contains("line \(lines[0]) of \(folder.path("test.csv")) is not a training row"), "\(test.stderr)")
    }
}
