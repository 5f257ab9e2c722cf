import Foundation

/// Cuts a byte stream read in chunks into lines (without their newlines).
struct LineSplitter {
    private var pending = Data()

    /// Adds a chunk and returns the lines it completed.
    mutating func feed<C: Collection>(_ chunk: C) -> [String] where C.Element == UInt8 {
        pending.append(contentsOf: chunk)
        var lines: [String] = []
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
            pending.removeSubrange(pending.startIndex...newline)
        }
        return lines
    }

    /// The unfinished last line, if any (at the end of the stream).
    var rest: String? { pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self) }
}

extension Duration {
    /// The duration in seconds.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
