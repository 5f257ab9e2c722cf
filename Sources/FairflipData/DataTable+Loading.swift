import FairflipFairness
import FairflipLinearAlgebra
import Foundation

extension DataTable {
    /// Reads the data files a spec names and selects their rows (filters, groups, missing
    /// values), checking labels and groups; splitting and encoding are later steps.
    public init(spec: InstanceSpec) throws(InputError) {
        self = try SpecLoader(spec: spec).load()
    }
}

/// Reads the CSV files of a spec, selects and validates rows.
private struct SpecLoader {
    let spec: InstanceSpec

    /// One kept data row: which table and which record of it.
    private struct RowRef {
        var table: Int
        var record: Int
    }

    /// A table with the positions of the columns the spec uses.
    private struct Columns {
        var table: CSVTable
        var label: Int
        var sensitive: Int
        var membership: Int?
        var filters: [(RowFilter, Int)]
        var features: [String: Int]
        /// The categorical columns (label, group, membership, categories) as codes of their texts.
        var texts: [Int: TextCodes] = [:]

        /// Record `r`'s text in column `j`, trimmed (shared when the column is coded).
        func trimmedText(_ r: Int, _ j: Int) -> String {
            texts[j]?[r] ?? table.cell(r, j).trimmingWhitespace
        }

        /// Codes the texts of the label, the group, the membership and the categorical features:
        /// a few distinct values each, compared per row without a `String` per row.
        mutating func codeTexts(categorical: [String]) {
            let coded = Set([label, sensitive] + (membership.map { [$0] } ?? []) + categorical.map { features[$0]! })
            for j in coded { texts[j] = table.textCodes(j) }
        }
    }

    func load() throws(InputError) -> DataTable {
        let paths: [(path: String, key: String)]
        switch spec.source {
        case .single(let file, _, _): paths = [(file, "data.file")]
        case .split(let train, let test): paths = [(train, "data.train"), (test, "data.test")]
        }
        var tables: [CSVTable] = []
        for (p, key) in paths {
            guard FileManager.default.isReadableFile(atPath: p) else {
                throw InputError(file: p, "cannot read the data file (missing or unreadable), named by \(specReference(key))")
            }
            tables.append(try CSVTable(contentsOf: p))
        }

        // A dropped column must exist, as every other column a spec names (a misspelling would drop nothing).
        for t in tables {
            for name in spec.dropped {
                _ = try t.columnIndex(name, role: "'drop'", source: specReference("features.drop"))
            }
        }
        let (numericNames, categoricalNames) = try featureLists(tables[0])
        var columns: [Columns] = []
        for t in tables {
            var features: [String: Int] = [:]
            for name in numericNames + categoricalNames {
                let key = spec.numeric?.contains(name) == true ? "features.numeric"
                    : spec.categorical?.contains(name) == true ? "features.categorical"
                    : name == spec.sensitiveColumn ? "sensitive.column" : nil
                features[name] = try t.columnIndex(name, role: "a feature", source: key.map(specReference))
            }
            var filters: [(RowFilter, Int)] = []
            for f in spec.filters {
                filters.append((f, try t.columnIndex(f.column, role: "the filter '\(f)'", source: specReference("data.filters"))))
            }
            var membership: Int?
            if case .column(let name) = spec.collective {
                membership = try t.columnIndex(name, role: "collective membership",
                                               source: specReference("collective.membership_column"))
            }
            var c = Columns(
                table: t, label: try t.columnIndex(spec.labelColumn, role: "the label", source: specReference("label.column")),
                sensitive: try t.columnIndex(spec.sensitiveColumn, role: "the sensitive attribute",
                                             source: specReference("sensitive.column")),
                membership: membership, filters: filters, features: features)
            c.codeTexts(categorical: categoricalNames)
            columns.append(c)
        }

        // Select rows: filters, groups, missing values.
        let numericMarkers = spec.missingValues.contains { Double($0.trimmingWhitespace) != nil }
        var kept: [[RowRef]] = []
        var groups: [[Group]] = []
        for (ti, c) in columns.enumerated() {
            var refs: [RowRef] = []
            var gs: [Group] = []
            var (filtered, otherGroup, incomplete) = (0, 0, 0)
            let used = [c.label] + (c.membership.map { [$0] } ?? []) + (numericNames + categoricalNames).map { c.features[$0]! }
            let checked = [c.sensitive] + used
            rows: for (r, row) in c.table.rows.enumerated() {
                for (f, j) in c.filters where !f.accepts(row[j]) { filtered += 1; continue rows }
                // The sensitive value first (a missing one is missing, not "another group"), then the group,
                // then the other columns of the rows kept for their group.
                var g = Group.other
                for (k, j) in checked.enumerated() {
                    if k == 1 {
                        g = group(of: c.trimmedText(r, c.sensitive))
                        if g == .other && spec.others == .drop { otherGroup += 1; continue rows }
                    }
                    // A number is no missing-value marker unless a marker is a number: no text made.
                    if !numericMarkers && c.table.hasNumber(r, j) { continue }
                    guard spec.missingValues.contains(c.trimmedText(r, j)) else { continue }
                    if spec.missing == .drop { incomplete += 1; continue rows }
                    throw InputError(file: c.table.path, line: c.table.lines[r], column: c.table.header[j],
                                     "missing value '\(row[j])' (the spec says missing = \"fail\"; "
                                     + "use missing = \"drop\" to skip such rows)")
                }
                refs.append(RowRef(table: ti, record: r))
                gs.append(g)
            }
            if refs.isEmpty {
                let n = c.table.rows.count
                var why: [String] = []
                if filtered > 0 { why.append("\(filtered) by the filters") }
                if otherGroup > 0 { why.append("\(otherGroup) with a \(spec.sensitiveColumn) value in neither group") }
                if incomplete > 0 { why.append("\(incomplete) with missing values") }
                throw InputError(file: c.table.path,
                                 n == 0 ? "no data rows: the split would be empty (the file has only a header)"
                                 : "no rows left: all \(n) data rows were removed (\(why.joined(separator: ", "))), "
                                   + "so the split would be empty")
            }
            kept.append(refs)
            groups.append(gs)
        }
        let labelValues = try checkLabels(columns, kept)
        try checkGroups(columns, kept, groups)

        // Decode the kept rows column by column.
        var files: [DataRows] = []
        var favorableTexts: [String: Bool] = [:]  // each label text compared once
        func favorable(_ text: String) -> Bool {
            if let known = favorableTexts[text] { return known }
            let same = sameLabel(text, spec.favorable)
            favorableTexts[text] = same
            return same
        }
        for (ti, c) in columns.enumerated() {
            let records = kept[ti].map(\.record)
            func cells(_ j: Int) -> [String] { records.map { c.trimmedText($0, j) } }
            var numeric: [[Double]] = []
            for name in numericNames {
                let j = c.features[name]!
                var values: [Double] = []
                values.reserveCapacity(records.count)
                for r in records {
                    // The typed column first (read once while parsing); the text only for the message.
                    if let v = c.table.number(r, j), v.isFinite { values.append(v); continue }
                    let text = trimmed(c.table.rows[r][j])
                    guard let v = Double(text), v.isFinite else {
                        throw InputError(file: c.table.path, line: c.table.lines[r], column: name,
                                         "'\(text)' is not a number (the column is numeric)")
                    }
                    values.append(v)
                }
                numeric.append(values)
            }
            files.append(DataRows(
                file: c.table.path, lines: records.map { c.table.lines[$0] },
                labels: cells(c.label).map { favorable($0) ? 1 : 0 }, groups: groups[ti],
                numeric: numeric, categorical: categoricalNames.map { cells(c.features[$0]!) },
                membership: c.membership.map(cells)))
        }
        var membershipColumn: String?
        if case .column(let name) = spec.collective { membershipColumn = name }
        let schema = DataTable.Schema(labelColumn: spec.labelColumn, favorableLabel: spec.favorable,
                                      unfavorableLabel: labelValues.first { !sameLabel($0, spec.favorable) }!, sensitiveColumn: spec.sensitiveColumn,
                                      numeric: numericNames, categorical: categoricalNames,
                                      membershipColumn: membershipColumn)
        let rule: DataTable.SplitRule
        switch spec.source {
        case .single(_, let fraction, let seed): rule = .random(testFraction: fraction, seed: seed)
        case .split: rule = .files
        }
        return DataTable(settings: ProblemSettings(spec: spec), schema: schema, files: files, splitRule: rule)
    }

    private func trimmed(_ s: String) -> String { s.trimmingWhitespace }

    private func group(of value: String) -> Group {
        if spec.minorityValues.contains(value) { return .minority }
        if spec.majorityValues.contains(value) { return .majority }
        return .other
    }

    /// `key` of the spec with its file and line, for messages: "label.column in toy.toml line 12".
    private func specReference(_ key: String) -> String {
        let line = spec.line(of: key).map { " line \($0)" } ?? ""
        return "\(key) in \(spec.path)\(line)"
    }

    /// The numeric and categorical feature columns, inferred from the first table when the spec omits both.
    private func featureLists(_ table: CSVTable) throws(InputError) -> ([String], [String]) {
        var numeric = spec.numeric ?? []
        var categorical = spec.categorical ?? []
        if spec.numeric == nil && spec.categorical == nil {
            var excluded = Set([spec.labelColumn, spec.sensitiveColumn] + spec.dropped)
            if case .column(let c) = spec.collective { excluded.insert(c) }
            for (j, name) in table.header.enumerated() where !excluded.contains(name) {
                let isNumber = table.rows.allSatisfy { row in
                    let v = trimmed(row[j])
                    return spec.missingValues.contains(v) || Double(v) != nil
                }
                if isNumber { numeric.append(name) } else { categorical.append(name) }
            }
        }
        for (key, names) in [("features.numeric", numeric), ("features.categorical", categorical)] {
            for name in names {
                if name == spec.labelColumn {
                    throw spec.error(key: key, "'\(name)' is the label column; it cannot be a feature")
                }
                if spec.dropped.contains(name) {
                    throw spec.error(key: key, "'\(name)' is listed both as a feature and under 'drop'")
                }
                if case .column(let c) = spec.collective, c == name {
                    throw spec.error(key: key, "'\(name)' is the collective's membership column; it cannot be a feature")
                }
            }
        }
        if let dup = (numeric + categorical).enumerated().first(where: { (numeric + categorical)[..<$0.offset].contains($0.element) })?.element {
            throw spec.error(key: numeric.count(where: { $0 == dup }) > 1 ? "features.numeric" : "features.categorical",
                             "'\(dup)' is listed twice among the features")
        }
        // The sensitive attribute is one-hot encoded last when included, and never a feature otherwise.
        numeric.removeAll { $0 == spec.sensitiveColumn }
        categorical.removeAll { $0 == spec.sensitiveColumn }
        if spec.includeSensitive { categorical.append(spec.sensitiveColumn) }
        return (numeric, categorical)
    }

    /// Whether two label texts are the same value: equal text, or equal numbers when both
    /// parse as numbers (`favorable = "1"` matches a column written `1.0`).
    private func sameLabel(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let x = Double(a), let y = Double(b) else { return false }
        return x == y
    }

    /// Binary labels: the favourable value occurs, and exactly one other value. Returns both
    /// (as first written), in order of appearance.
    private func checkLabels(_ columns: [Columns], _ kept: [[RowRef]]) throws(InputError) -> [String] {
        var seen: [String] = []
        var known = Set<String>()  // texts already matched to a value in `seen`
        for refs in kept {
            for ref in refs {
                let c = columns[ref.table]
                let v = c.trimmedText(ref.record, c.label)
                if known.contains(v) { continue }
                if seen.contains(where: { sameLabel($0, v) }) { known.insert(v); continue }
                if seen.count == 2 {
                    throw InputError(file: c.table.path, line: c.table.lines[ref.record], column: spec.labelColumn,
                                     "the label has a third value '\(v)' (after '\(seen[0])' and '\(seen[1])'); it must be binary")
                }
                seen.append(v)
                known.insert(v)
            }
        }
        if !seen.contains(where: { sameLabel($0, spec.favorable) }) {
            throw InputError(file: columns[0].table.path, column: spec.labelColumn,
                             "the favourable value '\(spec.favorable)' (\(specReference("label.favorable"))) never occurs "
                             + "in the kept rows; the label's values are: \(seen.map { "'\($0)'" }.joined(separator: ", "))")
        }
        if seen.count < 2 {
            throw InputError(file: columns[0].table.path, column: spec.labelColumn,
                             "the label has a single value '\(seen[0])' in all kept rows; it must take two values")
        }
        return seen
    }

    /// Both groups must occur among the kept rows of every file.
    private func checkGroups(_ columns: [Columns], _ kept: [[RowRef]], _ groups: [[Group]]) throws(InputError) {
        for (c, gs) in zip(columns, groups) {
            for (g, key) in [(Group.minority, "sensitive.minority"), (.majority, "sensitive.majority")] where !gs.contains(g) {
                let values = g == .minority ? spec.minorityValues : spec.majorityValues
                var present = Set<String>()
                for row in c.table.rows { present.insert(trimmed(row[c.sensitive])) }
                let listed = present.sorted().prefix(30).map { "'\($0)'" }.joined(separator: ", ")
                throw InputError(file: c.table.path, column: spec.sensitiveColumn,
                                 "no kept row has the \(g.rawValue) value \(values.map { "'\($0)'" }.joined(separator: " or ")) "
                                 + "(\(specReference(key))); the column's values are: \(listed)")
            }
        }
    }
}
