/// A check of TOML table headers before the text reaches the TOML parser.
///
/// The bundled parser (toml++ through TOMLKit) assumes that a table header's name starts with a
/// bare-key character or a quote: on `[{data]` it fails an assertion (debug builds abort; release
/// builds turn the assertion into an optimiser assumption, so the behaviour is undefined). A
/// fuzzed spec found it. This check refuses such a line first, with its line number.
enum TOMLHeaderCheck {
    /// Throws for the first line that opens a table header (`[` or `[[` at the start of the line)
    /// whose name starts with anything but a bare-key character, a quote, or `]` (which the parser
    /// reports itself). A line of a multi-line array starting `[{` would be refused too; specs
    /// have no such arrays.
    static func check(_ text: String, path: String) throws(InputError) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line.utf8.drop { $0 == 0x20 || $0 == 0x09 }
            guard rest.first == 0x5B else { continue }  // [
            rest = rest.dropFirst()
            if rest.first == 0x5B { rest = rest.dropFirst() }
            rest = rest.drop { $0 == 0x20 || $0 == 0x09 }
            guard let c = rest.first else { continue }
            let bare = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F
            if bare || c == 0x22 || c == 0x27 || c == 0x5D { continue }
            throw InputError(file: path, line: index + 1,
                             "TOML syntax error: a table header must start with a name (letters, digits, '-', '_' or a quoted "
                             + "name), got '\(String(line).trimmingWhitespace)'")
        }
    }
}
