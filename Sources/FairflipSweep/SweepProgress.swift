import Foundation

/// Where a running sweep is: cells done out of this run's total, and the time estimate.
public struct SweepProgress: Sendable, Equatable {
    /// Cells of this shard finished (including those already in the results file).
    public var done: Int
    /// Cells of this shard.
    public var total: Int
    /// Cells found in the results file and skipped.
    public var skipped: Int
    /// Cells that recorded an error.
    public var failed: Int
    /// Seconds since this run started.
    public var elapsed: Double

    /// Seconds left, from this run's pace (nil before the first computed cell).
    public var eta: Double? {
        let computed = done - skipped
        guard computed > 0 else { return nil }
        return elapsed / Double(computed) * Double(total - done)
    }

    /// A one-line progress bar: `[#####.....] 50/100 cells  elapsed 0:12  ETA 0:12`.
    public func bar(width: Int = 30) -> String {
        let filled = total == 0 ? width : Int((Double(done) / Double(total) * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        var s = "[\(bar)] \(done)/\(total) cells  elapsed \(Self.clock(elapsed))  ETA \(eta.map(Self.clock) ?? "?")"
        if skipped > 0 { s += "  (\(skipped) resumed)" }
        if failed > 0 { s += "  \(failed) error(s)" }
        return s
    }

    /// `m:ss` or `h:mm:ss`.
    public static func clock(_ seconds: Double) -> String {
        let t = Int(seconds.rounded())
        let (h, m, s) = (t / 3600, (t % 3600) / 60, t % 60)
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):\(m < 10 ? "0" : "")\(m):\(ss)" }
        return "\(m):\(ss)"
    }
}
