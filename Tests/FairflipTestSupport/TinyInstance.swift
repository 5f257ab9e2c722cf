import Foundation

/// A small synthetic instance written to a temporary folder: few enough candidates to enumerate
/// every plan, so that a MIP optimum can be checked against brute force.
public enum TinyInstance {
    /// Writes `tiny.csv` and `tiny.toml` into a fresh temporary folder and returns the spec path.
    ///
    /// - Parameters:
    ///   - rows: data rows (a quarter go to test).
    ///   - seed: data seed.
    ///   - direction: the collective's flip direction.
    ///   - emptyCollective: mark nobody as a member (the membership column is all zero).
    ///   - minorityLabel: force every minority row's label (e.g. 1: nobody may flip up).
    public static func write(rows: Int = 60, seed: UInt64 = 3, direction: String = "up",
                             emptyCollective: Bool = false, minorityLabel: Int? = nil) throws -> String {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        func unit() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        func gaussian() -> Double { (-2 * log(max(unit(), 1e-300))).squareRoot() * cos(2 * .pi * unit()) }
        var csv = "x1,x2,group,label,member\n"
        for i in 0..<rows {
            let minority = i % 3 == 0
            let x1 = gaussian(), x2 = gaussian()
            let logit = 1.5 * x1 - 0.5 * x2 - (minority ? 1.0 : -0.3)
            var y = unit() < 1 / (1 + exp(-logit)) ? 1 : 0
            if minority, let minorityLabel { y = minorityLabel }
            csv += String(format: "%.6f,%.6f,%@,%d,%d\n", x1, x2, minority ? "minority" : "majority", y, emptyCollective ? 0 : 1)
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
}
