import FairflipResults
import Foundation

extension PlanReport {
    /// Writes the report's files into `out` (when given, created if missing; each file whole or
    /// not at all), then prints `text` on stdout: how `plan` and `evaluate` finish.
    static func emit(text: String, files: [(name: String, content: String)], out: String?, progress: Progress) throws {
        if let out {
            try reportingErrors {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                for (name, content) in files {
                    try AtomicFile.write(content, to: (out as NSString).appendingPathComponent(name))
                }
            }
            progress.note("wrote \(files.map(\.name).joined(separator: " and ")) to \(out)")
        }
        print(text, terminator: "")
    }
}
