import Foundation

/// A small instance whose features lie on a coarse grid, so that many rows share features (with
/// different labels and groups), like compas's: prediction classes, and with few levels also
/// candidates that are copies of one row.
public enum GridSpec {
    /// Writes the 80-row CSV and its spec into a fresh temporary folder and returns the spec's path.
    /// - Parameter levels: values each feature takes (fewer: more rows, and candidates, alike).
    public static func path(seed: UInt64, levels: (Int, Int) = (4, 3)) throws -> String {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        func unit() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var csv = "x1,x2,group,label,member\n"
        for i in 0..<80 {
            let minority = i % 3 == 0
            let x1 = Double(Int(unit() * Double(levels.0))) - Double(levels.0 - 1) / 2
            let x2 = Double(Int(unit() * Double(levels.1))) - Double(levels.1 - 1) / 2
            let logit = 1.2 * x1 - 0.6 * x2 - (minority ? 0.8 : -0.3)
            let y = unit() < 1 / (1 + exp(-logit)) ? 1 : 0
            csv += "\(x1),\(x2),\(minority ? "minority" : "majority"),\(y),\(minority && i % 2 == 0 ? 1 : 0)\n"
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fairflip-grid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try csv.write(to: folder.appendingPathComponent("grid.csv"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("grid.toml").path
        try TwoFeatureSpec.text(name: "grid", file: "grid.csv", testFraction: 0.25,
                                collective: "membership_column = \"member\"", direction: "both")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
