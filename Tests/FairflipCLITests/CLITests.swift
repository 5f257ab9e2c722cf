import FairflipTestSupport
import Foundation
import Testing

/// The built `fairflip` executable, found next to the test bundle (SwiftPM builds it alongside the tests).
enum Binary {
    static let path: String? = {
        let fm = FileManager.default
        func executable(in folder: URL) -> String? {
            let candidate = folder.appendingPathComponent("fairflip").path
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                  fm.isExecutableFile(atPath: candidate) else { return nil }
            return candidate
        }
        if let explicit = ProcessInfo.processInfo.environment["FAIRFLIP_BINARY"], fm.isExecutableFile(atPath: explicit) {
            return explicit
        }
        // The test bundle's folder and its parents (Linux: .build/debug/X.xctest; macOS: X.xctest/Contents/MacOS).
        var starts = [Bundle.main.bundleURL, Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0 }
        starts += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<5 {
                if let found = executable(in: folder) { return found }
                folder.deleteLastPathComponent()
            }
        }
        // The package's build folder, found from this file.
        let build = URL(fileURLWithPath: Repository.root).appendingPathComponent(".build")
        for sub in ["debug", "release"] {
            if let found = executable(in: build.appendingPathComponent(sub)) { return found }
        }
        if let triples = try? fm.contentsOfDirectory(atPath: build.path) {
            for triple in triples.sorted() {
                if let found = executable(in: build.appendingPathComponent(triple).appendingPathComponent("debug")) {
                    return found
                }
            }
        }
        return nil
    }()
}

/// The outcome of one run of the tool.
struct Run {
    var status: Int32
    var stdout: Data
    var stderr: String

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// Runs `fairflip` with `arguments` in the repository root, capturing both streams through files.
func fairflip(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
    let binary = try #require(Binary.path, "the fairflip executable was not found next to the tests", sourceLocation: sourceLocation)
    let scratch = NSTemporaryDirectory() + "fairflip-cli-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let outPath = scratch + "/out", errPath = scratch + "/err"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Run(status: process.terminationStatus,
               stdout: try Data(contentsOf: URL(fileURLWithPath: outPath)),
               stderr: try String(contentsOfFile: errPath, encoding: .utf8))
}

extension Scratch {
    /// A folder for a command's specs and data.
    convenience init() { self.init(prefix: "fairflip-cli-data-") }
}

/// The toy spec with one substitution, its data (or `csv`) copied beside it.
func brokenToy(_ folder: Scratch, _ old: String, _ new: String, csv: String? = nil) throws -> String {
    let spec = try String(contentsOfFile: Repository.path("instances/toy.toml"), encoding: .utf8)
    precondition(spec.contains(old))
    try FileManager.default.createDirectory(atPath: folder.root + "/data", withIntermediateDirectories: true)
    let data = try csv ?? String(contentsOfFile: Repository.path("instances/data/toy.csv"), encoding: .utf8)
    folder.write("data/toy.csv", data)
    return folder.write("toy.toml", spec.replacingOccurrences(of: old, with: new))
}

/// The toy data with line `line` (1-based, header = 1) replaced.
func toyCSV(replacingLine line: Int, with text: String) throws -> String {
    var lines = try String(contentsOfFile: Repository.path("instances/data/toy.csv"), encoding: .utf8)
        .split(separator: "\n").map(String.init)
    lines[line - 1] = text
    return lines.joined(separator: "\n") + "\n"
}

@Suite("Command-line tool", .serialized)
struct CLITests {
    /// Checks the shape of a failure: status 2, nothing on stdout, one error line naming the place.
    func expectFailure(_ run: Run, naming fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 2, "status", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "stdout: \(run.stdoutText)", sourceLocation: sourceLocation)
        let errors = run.stderrLines.filter { $0.hasPrefix("fairflip: error:") }
        #expect(errors.count == 1, "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderrLines.last?.hasPrefix("fairflip: error:") == true, "stderr: \(run.stderr)",
                sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(errors.first?.contains(fragment) == true, "'\(fragment)' in \(run.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test func binaryIsFound() {
        #expect(Binary.path != nil)
    }

    @Test func alphaOutOfRange() throws {
        let folder = Scratch()
        let spec = try brokenToy(folder, "alpha = 1.0", "alpha = 1.5")
        let run = try fairflip(["audit", spec, "--quiet"])
        expectFailure(run, naming: [spec, "line 28", "key 'collective.alpha'", "(0, 1]"])
        #expect(run.stderrLines.count == 1)
    }

    @Test func misspelledLabelColumn() throws {
        let folder = Scratch()
        let spec = try brokenToy(folder, #"column = "label""#, #"column = "lable""#)
        let run = try fairflip(["audit", spec])
        expectFailure(run, naming: ["data/toy.csv", "line 1", "column 'lable'", "did you mean 'label'"])
    }

    @Test func raggedRow() throws {
        let folder = Scratch()
        let spec = try brokenToy(folder, "name = \"toy\"", "name = \"toy\"",
                                 csv: try toyCSV(replacingLine: 42, with: "0.1,0.2,majority"))
        let run = try fairflip(["audit", spec, "-q"])
        expectFailure(run, naming: ["toy.csv", "line 42", "column 'label'", "ragged row"])
    }

    @Test func nonNumericValue() throws {
        let folder = Scratch()
        let spec = try brokenToy(folder, "name = \"toy\"", "name = \"toy\"",
                                 csv: try toyCSV(replacingLine: 10, with: "abc,0.2,majority,1"))
        let run = try fairflip(["audit", spec, "-q"])
        expectFailure(run, naming: ["toy.csv", "line 10", "column 'x1'", "'abc' is not a number"])
    }

    @Test func labelWithAThirdValue() throws {
        let folder = Scratch()
        let spec = try brokenToy(folder, "name = \"toy\"", "name = \"toy\"",
                                 csv: try toyCSV(replacingLine: 7, with: "0.5,0.2,majority,2"))
        let run = try fairflip(["audit", spec, "-q"])
        expectFailure(run, naming: ["toy.csv", "line 7", "column 'label'", "third value '2'"])
    }

    @Test func missingSpec() throws {
        let run = try fairflip(["audit", "instances/no-such.toml", "-q"])
        expectFailure(run, naming: ["instances/no-such.toml", "cannot read"])
    }

    @Test func toyIntoAMissingFolderWritesNothing() throws {
        let folder = Scratch()
        let target = folder.root + "/absent/toy.csv"
        let run = try fairflip(["toy", "-o", target])
        expectFailure(run, naming: [target, "does not exist"])
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: folder.root + "/absent"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root).isEmpty)
    }

    @Test func toyOntoAFolderLeavesItAlone() throws {
        let folder = Scratch()
        folder.write("keep.txt", "x")
        let run = try fairflip(["toy", "-o", folder.root])
        expectFailure(run, naming: [folder.root, "it is a folder"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root) == ["keep.txt"])
    }

    @Test func toyOverwritesAnExistingFile() throws {
        let folder = Scratch()
        let target = folder.write("toy.csv", "old\n")
        let run = try fairflip(["toy", "-o", target, "--seed", "8"])
        #expect(run.status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("x1,x2,group,label\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root) == ["toy.csv"])
    }

    @Test func toyWritesTheCommittedData() throws {
        let folder = Scratch()
        let target = folder.root + "/toy.csv"
        let run = try fairflip(["toy", "--output", target])
        #expect(run.status == 0 && run.stdout.isEmpty && run.stderr.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written == (try String(contentsOfFile: Repository.path("instances/data/toy.csv"), encoding: .utf8)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root) == ["toy.csv"])  // no temporary left
        let stdout = try fairflip(["toy"])
        #expect(stdout.stdoutText == written)
    }

    @Test func auditJSONIsValidAndDeterministic() throws {
        let first = try fairflip(["audit", "instances/toy.toml", "--json", "--quiet"])
        #expect(first.status == 0)
        #expect(first.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: first.stdout) as? [String: Any])
        for key in ["train", "test", "model"] { #expect(object[key] != nil, "key \(key)") }
        let train = try #require(object["train"] as? [String: Any])
        #expect(train["rows"] as? Int == 200)
        let second = try fairflip(["audit", "instances/toy.toml", "--json", "--quiet"])
        #expect(second.stdout == first.stdout)
    }

    @Test func quietSilencesStderr() throws {
        let loud = try fairflip(["audit", "instances/toy.toml"])
        #expect(loud.status == 0 && !loud.stderr.isEmpty && !loud.stdout.isEmpty)
        let quiet = try fairflip(["audit", "instances/toy.toml", "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty)
        #expect(quiet.stdout == loud.stdout)
    }
}
