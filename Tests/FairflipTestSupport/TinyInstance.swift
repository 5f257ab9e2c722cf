import FairflipData
import FairflipFairness
import Foundation

/// A small synthetic instance: few enough candidates to enumerate every plan, so that a MIP
/// optimum can be checked against brute force. Built in memory (`instance`) or written to a
/// temporary folder as CSV and spec (`write`, for tests of the command line); both hold the
/// same rows, split and collective.
public enum TinyInstance {
    /// The planning problem, built in memory.
    ///
    /// - Parameters:
    ///   - rows: data rows (a quarter go to test).
    ///   - seed: data seed.
    ///   - direction: the collective's flip direction.
    ///   - emptyCollective: nobody is a member.
    ///   - minorityLabel: force every minority row's label (e.g. 1: nobody may flip up).
    public static func instance(rows: Int = 60, seed: UInt64 = 3, direction: FlipDirection = .up,
                                emptyCollective: Bool = false, minorityLabel: Int? = nil) throws -> Instance {
        let data = generate(rows: rows, seed: seed, minorityLabel: minorityLabel)
        var builder = ProblemBuilder(numeric: [("x1", data.map { Double($0.x1)! }), ("x2", data.map { Double($0.x2)! })],
                                     groups: data.map { $0.minority ? .minority : .majority }, labels: data.map { Double($0.y) })
        builder.settings = ProblemSettings(name: "tiny", origin: "(tiny, in memory)", direction: direction)
        let encoded = try builder.table(testFraction: 0.25, splitSeed: 1).split().encoded()
        return encoded.instance(collective: emptyCollective ? [] : encoded.train.groups.indices.filter { encoded.train.groups[$0] == .minority })
    }

    /// Writes `tiny.csv` and `tiny.toml` into a fresh temporary folder and returns the spec path
    /// (parameters as for `instance`).
    public static func write(rows: Int = 60, seed: UInt64 = 3, direction: String = "up",
                             emptyCollective: Bool = false, minorityLabel: Int? = nil) throws -> String {
        var csv = "x1,x2,group,label,member\n"
        for r in generate(rows: rows, seed: seed, minorityLabel: minorityLabel) {
            csv += "\(r.x1),\(r.x2),\(r.minority ? "minority" : "majority"),\(r.y),\(emptyCollective ? 0 : 1)\n"
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("fairflip-tiny-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try csv.write(to: folder.appendingPathComponent("tiny.csv"), atomically: true, encoding: .utf8)
        let spec = TwoFeatureSpec.text(name: "tiny", file: "tiny.csv", testFraction: 0.25,
                                       collective: "membership_column = \"member\"", direction: direction)
        let path = folder.appendingPathComponent("tiny.toml").path
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The rows, features as written to the CSV (six decimals).
    private static func generate(rows: Int, seed: UInt64, minorityLabel: Int?) -> [(x1: String, x2: String, minority: Bool, y: Int)] {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        func unit() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        func gaussian() -> Double { (-2 * log(max(unit(), 1e-300))).squareRoot() * cos(2 * .pi * unit()) }
        var out: [(x1: String, x2: String, minority: Bool, y: Int)] = []
        for i in 0..<rows {
            let minority = i % 3 == 0
            let x1 = gaussian(), x2 = gaussian()
            let logit = 1.5 * x1 - 0.5 * x2 - (minority ? 1.0 : -0.3)
            var y = unit() < 1 / (1 + exp(-logit)) ? 1 : 0
            if minority, let minorityLabel { y = minorityLabel }
            out.append((String(format: "%.6f", x1), String(format: "%.6f", x2), minority, y))
        }
        return out
    }
}
