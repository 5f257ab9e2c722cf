import Foundation

/// A problem with what the user gave fairflip: a spec file, a data file or an option.
///
/// Every case names where the problem is (file, row, column or key) so that a user
/// can fix it without reading code. The command-line tool prints the description and
/// exits with status 2.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file at fault, as the user named it (or as resolved from the spec).
    public var file: String?
    /// The 1-based line of the file (the header is line 1), when one line is at fault.
    public var line: Int?
    /// The column, or the spec key, at fault.
    public var column: String?
    /// Whether `column` is a spec key (`collective.alpha`) rather than a CSV column.
    public var columnIsKey: Bool
    /// What is wrong, in words.
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnIsKey = false
        self.message = message
    }

    /// An error about a key of a spec file (`key` is dotted: `collective.alpha`).
    public init(file: String, line: Int?, key: String, _ message: String) {
        self.file = file
        self.line = line
        self.column = key
        self.columnIsKey = true
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let line { place.append("line \(line)") }
        if let column { place.append(columnIsKey ? "key '\(column)'" : "column '\(column)'") }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}

/// The contents of a UTF-8 text file; `what` names the file in the errors ("file", "spec file").
func readText(_ path: String, naming what: String) throws(InputError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError(file: path, "cannot read the \(what) (missing or unreadable)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw UTF8Check.error(in: [UInt8](data), file: path, naming: what) ?? InputError(file: path, "the \(what) is not UTF-8 text")
    }
    return text
}
