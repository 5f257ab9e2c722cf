/// RFC 4180 cells for the CSV files fairflip writes (results tables).
///
/// Numbers are written in Swift's shortest round-trip form, so a value read back is the
/// value written; undefined numbers (NaN, infinity, absent) are empty cells, which pandas
/// reads as missing without any `NaN` text in the file.
public enum CSVFormat {
    /// One cell: quoted when it holds a comma, a quote or a line break (quotes doubled).
    public static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: cells joined by commas, ending with a newline.
    public static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\n"
    }

    /// A number cell: shortest round-trip text, empty when undefined.
    public static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }

    /// An integer cell, empty when absent.
    public static func integer(_ x: Int?) -> String {
        x.map(String.init) ?? ""
    }

    /// Parses a number cell; empty or malformed text is `nil`.
    public static func parseNumber(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, let x = Double(t), x.isFinite else { return nil }
        return x
    }
}

import Foundation
