import Foundation

/// A column's trimmed texts as small integers: `texts[codes[r]]` is record `r`'s field, trimmed
/// of whitespace as `trimmingCharacters(in: .whitespaces)` would.
///
/// Made for categorical columns (groups, labels, categories): a few distinct values over many
/// rows, where a `String` per row would cost more than the whole parse.
public struct TextCodes: Sendable {
    /// Each record's code.
    public let codes: [Int]
    /// The distinct trimmed texts, in order of first appearance.
    public let texts: [String]

    /// Record `row`'s trimmed text (shared, not copied).
    public subscript(row: Int) -> String { texts[codes[row]] }
}

extension CSVTable {
    /// Column `column` as codes of its distinct trimmed texts. Each field's bytes are hashed; a
    /// `String` is made only for the first field with given bytes.
    public func textCodes(_ column: Int) -> TextCodes { storage.textCodes(column) }
}

extension CSVTable.Storage {
    /// A field's bytes as written (inside the quotes) and its flags, compared byte for byte.
    private struct RawField: Hashable {
        let start: UnsafePointer<UInt8>
        let count: Int
        let flags: UInt32

        static func == (a: RawField, b: RawField) -> Bool {
            a.count == b.count && a.flags == b.flags && memcmp(a.start, b.start, a.count) == 0
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes: UnsafeRawBufferPointer(start: start, count: count))
            hasher.combine(flags)
        }
    }

    func textCodes(_ column: Int) -> TextCodes {
        precondition(column >= 0 && column < width, "column out of range")
        let rows = lines.count
        var byBytes: [RawField: Int] = [:]
        var byText: [String: Int] = [:]
        var texts: [String] = []
        var codes: [Int] = []
        codes.reserveCapacity(rows)
        let ends = columns.ends.base, starts = columns.starts.base
        for r in 0..<rows {
            let f = r * width + column
            let span = FieldEnd.span(recordStart: starts[r], previous: column == 0 ? nil : ends[f - 1], end: ends[f])
            let raw = RawField(start: bytes.base + span.lowerBound, count: span.count, flags: ends[f] & ~FieldEnd.offsetMask)
            if let code = byBytes[raw] {
                codes.append(code)
                continue
            }
            let text = cell(r, column).trimmingWhitespace
            let code: Int
            if let known = byText[text] {
                code = known
            } else {
                code = texts.count
                texts.append(text)
                byText[text] = code
            }
            byBytes[raw] = code
            codes.append(code)
        }
        return TextCodes(codes: codes, texts: texts)
    }
}
