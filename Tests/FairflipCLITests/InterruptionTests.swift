import FairflipResults
import FairflipTestSupport
import Foundation
import Testing

@Suite("Ctrl-C during a sweep")
struct InterruptionTests {
    @Test func sigintLeavesAResumableResultsFile() throws {
        let folder = try CommandLineRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/sweep"
        let arguments = ["sweep", "instances/toy.toml", "--budgets", "0:40:1", "--methods", "rb-prob,random,greedy-surrogate",
                         "--jobs", "1", "--out", out, "--no-report", "--quiet"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineRunner.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // Interrupt once a few rows are written (the whole grid is 123 cells).
        let results = out + "/results.csv"
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let lines = FileManager.default.contents(atPath: results)?.filter { $0 == 10 }.count ?? 0
            if lines >= 4 { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.interrupt()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("fairflip: interrupted:") && stderr.contains("resume"), "\(stderr)")
        // Whole rows only, and readable.
        let data = try #require(FileManager.default.contents(atPath: results))
        #expect(data.last == 10)
        let kept = try ResultsTable.read(path: results)
        #expect(kept.count >= 3 && kept.count < 123, "\(kept.count) rows kept")

        // The same command resumes and completes the grid without recomputing the kept rows.
        let resumed = try CommandLineRunner.run(Array(arguments.dropLast()))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("\(kept.count) resumed"), "\(resumed.stderr)")
        let all = try ResultsTable.read(path: results)
        #expect(all.count == 123 && Set(all.map(\.key)).count == 123)
    }
}
