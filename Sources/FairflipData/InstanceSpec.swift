import FairflipFairness
import Foundation
import TOMLKit

/// Everything that defines a planning problem, as written in a spec file (TOML).
///
/// A spec is meant to be edited by hand: unknown keys are errors (a misspelling must not be
/// silently ignored), paths are relative to the spec's folder, and every default is stated
/// here. See `instances/*.toml` for complete examples.
public struct InstanceSpec: Sendable {
    /// Where the data comes from and how it is split into train and test.
    public enum Source: Sendable, Equatable {
        /// One file, split at random: `testFraction` of its rows go to test.
        case single(file: String, testFraction: Double, splitSeed: UInt64)
        /// A train file and a test file, used as they are.
        case split(train: String, test: String)
    }

    /// What to do with a row that has a missing value in a column fairflip uses.
    public enum MissingPolicy: String, Sendable, CaseIterable { case drop, fail }

    /// What to do with rows whose sensitive value is in neither group.
    public enum OthersPolicy: String, Sendable, CaseIterable { case drop, keep }

    /// Who is in the collective.
    public enum Collective: Sendable, Equatable {
        /// A seeded random fraction `alpha` in (0, 1] of the minority's training rows.
        case fraction(alpha: Double, seed: UInt64)
        /// Rows whose value in this 0/1 column is 1 (minority training rows only).
        case column(String)
    }

    /// The spec file.
    public var path: String
    /// A short name for reports.
    public var name: String
    public var source: Source
    public var filters: [RowFilter]
    public var missing: MissingPolicy
    /// Cell texts that count as missing (after trimming), by default `?` and the empty string.
    public var missingValues: [String]
    public var labelColumn: String
    /// The label value that is the favourable outcome (class 1).
    public var favorable: String
    public var sensitiveColumn: String
    public var minorityValues: [String]
    public var majorityValues: [String]
    public var others: OthersPolicy
    /// Numeric features; nil means "infer from the data".
    public var numeric: [String]?
    /// Categorical (one-hot) features; nil means "infer from the data".
    public var categorical: [String]?
    /// Columns never used as features.
    public var dropped: [String]
    /// Whether the firm's model sees the sensitive attribute (one-hot). Default: yes.
    public var includeSensitive: Bool
    /// Inverse L2 strength, scikit-learn's `C`.
    public var C: Double
    public var collective: Collective
    public var direction: FlipDirection
    public var metric: FairnessMetric
    /// The line of each key (`collective.alpha`) and table header (`collective`) in the spec file.
    public var keyLines: [String: Int]

    /// The line of a dotted key or table in the spec file, when known.
    public func line(of key: String) -> Int? { keyLines[key] }

    /// An error about a key of this spec, naming its line.
    public func error(key: String, _ message: String) -> InputError {
        InputError(file: path, line: keyLines[key] ?? keyLines[Self.parent(of: key)], key: key, message)
    }

    /// `"a.b"` → `"a"`, `"a"` → `""`.
    static func parent(of key: String) -> String {
        guard let dot = key.lastIndex(of: ".") else { return "" }
        return String(key[..<dot])
    }

    /// Reads and validates a spec file.
    public init(contentsOf path: String) throws(InputError) {
        try self.init(toml: readText(path, naming: "spec file"), path: path)
    }

    /// Parses spec text; relative data paths are resolved against `path`'s folder.
    public init(toml text: String, path: String) throws(InputError) {
        let table: TOMLTable
        try TOMLHeaderCheck.check(text, path: path)
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw InputError(file: path, line: error.source.begin.line, "TOML syntax error: \(error.description)")
        } catch {
            throw InputError(file: path, "TOML syntax error: \(error)")
        }
        let lines = Self.keyLines(in: text)
        keyLines = lines
        func fail(_ key: String, _ message: String) -> InputError {
            InputError(file: path, line: lines[key] ?? lines[Self.parent(of: key)], key: key, message)
        }
        let root = SpecTable(table: table, prefix: "", file: path, lines: lines)
        let folder = (path as NSString).deletingLastPathComponent
        func resolve(_ p: String) -> String {
            p.hasPrefix("/") || folder.isEmpty ? p : (folder as NSString).appendingPathComponent(p)
        }
        try root.allowOnly(["name", "data", "label", "sensitive", "features", "model", "collective", "fairness"])
        self.path = path
        self.name = try root.string("name") ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension

        let data = try root.requiredTable("data")
        try data.allowOnly(["file", "train", "test", "test_fraction", "split_seed", "missing", "missing_values", "filters"])
        if let file = try data.string("file") {
            for k in ["train", "test"] where data.has(k) {
                throw fail("data.\(k)", "give either 'file' or 'train' and 'test', not both")
            }
            let fraction = try data.double("test_fraction") ?? 0.3
            guard fraction > 0, fraction < 1 else {
                throw fail("data.test_fraction", "must be in (0, 1), got \(fraction)")
            }
            source = .single(file: resolve(file), testFraction: fraction, splitSeed: try data.seed("split_seed") ?? 0)
        } else {
            guard let train = try data.string("train"), let test = try data.string("test") else {
                throw fail("data", "give 'file' (with 'test_fraction') or both 'train' and 'test'")
            }
            for k in ["test_fraction", "split_seed"] where data.has(k) {
                throw fail("data.\(k)", "only applies with 'file'; 'train' and 'test' are used as they are")
            }
            source = .split(train: resolve(train), test: resolve(test))
        }
        missing = try data.choice("missing", MissingPolicy.self) ?? .drop
        missingValues = try data.strings("missing_values") ?? ["?", ""]
        var filters: [RowFilter] = []
        for text in try data.strings("filters") ?? [] {
            guard let f = RowFilter(text) else {
                throw fail("data.filters", "'\(text)' is not 'column op value' with op one of == != < <= > >=")
            }
            filters.append(f)
        }
        self.filters = filters

        let label = try root.requiredTable("label")
        try label.allowOnly(["column", "favorable"])
        labelColumn = try label.requiredString("column")
        favorable = try label.requiredString("favorable")

        let sensitive = try root.requiredTable("sensitive")
        try sensitive.allowOnly(["column", "minority", "majority", "others"])
        sensitiveColumn = try sensitive.requiredString("column")
        minorityValues = try sensitive.strings("minority") ?? []
        majorityValues = try sensitive.strings("majority") ?? []
        guard !minorityValues.isEmpty else {
            throw fail("sensitive.minority", "name at least one minority value")
        }
        guard !majorityValues.isEmpty else {
            throw fail("sensitive.majority", "name at least one majority value")
        }
        if let both = minorityValues.first(where: majorityValues.contains) {
            throw fail("sensitive.majority", "'\(both)' is listed as both minority and majority")
        }
        if sensitiveColumn == labelColumn {
            throw fail("sensitive.column", "'\(sensitiveColumn)' is also the label column")
        }
        others = try sensitive.choice("others", OthersPolicy.self) ?? .drop

        let features = try root.table("features")
        try features?.allowOnly(["numeric", "categorical", "drop", "include_sensitive"])
        numeric = try features?.strings("numeric")
        categorical = try features?.strings("categorical")
        dropped = try features?.strings("drop") ?? []
        includeSensitive = try features?.bool("include_sensitive") ?? true

        let model = try root.table("model")
        try model?.allowOnly(["C"])
        C = try model?.double("C") ?? 1.0
        guard C > 0, C.isFinite else { throw fail("model.C", "must be a positive number, got \(C)") }

        let coll = try root.table("collective")
        try coll?.allowOnly(["alpha", "seed", "membership_column", "direction"])
        if let column = try coll?.string("membership_column") {
            for k in ["alpha", "seed"] where coll?.has(k) == true {
                throw fail("collective.\(k)", "give either 'alpha' (with 'seed') or 'membership_column', not both")
            }
            collective = .column(column)
        } else {
            let alpha = try coll?.double("alpha") ?? 1.0
            guard alpha > 0, alpha <= 1 else {
                throw fail("collective.alpha", "must be in (0, 1], got \(alpha)")
            }
            collective = .fraction(alpha: alpha, seed: try coll?.seed("seed") ?? 0)
        }
        direction = try coll?.choice("direction", FlipDirection.self) ?? .up

        let fairness = try root.table("fairness")
        try fairness?.allowOnly(["metric"])
        metric = try fairness?.choice("metric", FairnessMetric.self) ?? .eqodds
    }

    /// Where each bare key and table header of a spec text is, by dotted name (first occurrence).
    ///
    /// A light scan rather than a TOML parse (TOMLKit does not report where values are): it
    /// understands `[table]`, `[[table]]`, `key = ...` and `a.b = ...`, and skips the inside of
    /// multi-line strings. It only serves error messages, so a miss just means no line number.
    static func keyLines(in text: String) -> [String: Int] {
        var out: [String: Int] = [:]
        var prefix = ""
        var inMultiline: Substring? = nil
        func dotted(_ s: Substring) -> String {
            s.split(separator: ".").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }.joined(separator: ".")
        }
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if let delimiter = inMultiline {
                if line.contains(delimiter) { inMultiline = nil }
                continue
            }
            if line.hasPrefix("[") {
                let name = line.drop { $0 == "[" }.prefix { $0 != "]" }
                prefix = dotted(name)
                if out[prefix] == nil { out[prefix] = n + 1 }
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq]
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || "_-. \t\"'".contains($0) }),
                  key.filter({ $0 == "\"" }).count % 2 == 0, key.filter({ $0 == "'" }).count % 2 == 0
            else { continue }
            let full = prefix.isEmpty ? dotted(key) : prefix + "." + dotted(key)
            if out[full] == nil { out[full] = n + 1 }
            let value = line[line.index(after: eq)...].drop { $0 == " " || $0 == "\t" }
            for delimiter in ["\"\"\"", "'''"] where value.hasPrefix(delimiter) {
                if !value.dropFirst(3).contains(delimiter) { inMultiline = Substring(delimiter) }
            }
        }
        return out
    }
}

/// Typed, error-reporting access to one table of a spec.
struct SpecTable {
    let table: TOMLTable
    let prefix: String
    let file: String
    let lines: [String: Int]

    private func key(_ k: String) -> String { prefix.isEmpty ? k : prefix + "." + k }

    /// An error about key `k` of this table, at its line (or the table's line).
    private func fail(_ k: String, _ message: String) -> InputError {
        InputError(file: file, line: lines[key(k)] ?? lines[prefix], key: key(k), message)
    }

    private func wrong(_ k: String, _ expected: String) -> InputError {
        fail(k, "expected \(expected)")
    }

    func has(_ k: String) -> Bool { table[k] != nil }

    func allowOnly(_ keys: [String]) throws(InputError) {
        for k in table.keys.sorted() where !keys.contains(k) {
            let close = closeMatches(of: k, among: keys)
            let hint = close.isEmpty ? "" : " (did you mean '\(close[0])'?)"
            throw fail(k, "unknown key\(hint); allowed here: \(keys.joined(separator: ", "))")
        }
    }

    func table(_ k: String) throws(InputError) -> SpecTable? {
        guard let v = table[k] else { return nil }
        guard let t = v.table else { throw wrong(k, "a table [\(key(k))]") }
        return SpecTable(table: t, prefix: key(k), file: file, lines: lines)
    }

    func requiredTable(_ k: String) throws(InputError) -> SpecTable {
        guard let t = try table(k) else { throw InputError(file: file, line: nil, key: key(k), "missing table [\(key(k))]") }
        return t
    }

    /// A string; integers and numbers are accepted and written as text (labels such as
    /// `favorable = 1` or `favorable = 1.0`, which match a label column numerically).
    func string(_ k: String) throws(InputError) -> String? {
        guard let v = table[k] else { return nil }
        if let s = v.string { return s }
        if let i = v.int { return String(i) }
        if let d = v.double { return String(d) }
        throw wrong(k, "a string")
    }

    func requiredString(_ k: String) throws(InputError) -> String {
        guard let s = try string(k) else { throw fail(k, "missing key") }
        return s
    }

    func strings(_ k: String) throws(InputError) -> [String]? {
        guard let v = table[k] else { return nil }
        if let s = v.string { return [s] }
        guard let a = v.array else { throw wrong(k, "a list of strings") }
        var out: [String] = []
        for e in a {
            if let s = e.string { out.append(s) } else if let i = e.int { out.append(String(i)) } else {
                throw wrong(k, "a list of strings")
            }
        }
        return out
    }

    func double(_ k: String) throws(InputError) -> Double? {
        guard let v = table[k] else { return nil }
        if let d = v.double { return d }
        if let i = v.int { return Double(i) }
        throw wrong(k, "a number")
    }

    func bool(_ k: String) throws(InputError) -> Bool? {
        guard let v = table[k] else { return nil }
        guard let b = v.bool else { throw wrong(k, "true or false") }
        return b
    }

    func seed(_ k: String) throws(InputError) -> UInt64? {
        guard let v = table[k] else { return nil }
        guard let i = v.int, i >= 0 else { throw wrong(k, "a non-negative integer") }
        return UInt64(i)
    }

    func choice<T: RawRepresentable & CaseIterable>(_ k: String, _ type: T.Type) throws(InputError) -> T?
    where T.RawValue == String {
        guard let s = try string(k) else { return nil }
        guard let c = T(rawValue: s) else {
            let names = T.allCases.map { $0.rawValue }
            let close = closeMatches(of: s, among: names)
            let hint = close.isEmpty ? "" : " (did you mean '\(close[0])'?)"
            throw wrong(k, "one of \(names.joined(separator: ", ")), got '\(s)'\(hint)")
        }
        return c
    }
}
