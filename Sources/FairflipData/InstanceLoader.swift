import FairflipFairness
import FairflipLinearAlgebra
import Foundation

/// Reads the CSV files of a spec, selects and validates rows, splits and encodes them.
struct InstanceLoader {
    let spec: InstanceSpec

    struct Loaded {
        var featureNames: [String]
        var train: DataSplit
        var test: DataSplit
        var collective: [Int]
        var sensitiveColumns: [(index: Int, value: String)]
    }

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
    }

    func load() throws(InputError) -> Loaded {
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
            columns.append(Columns(
                table: t, label: try t.columnIndex(spec.labelColumn, role: "the label", source: specReference("label.column")),
                sensitive: try t.columnIndex(spec.sensitiveColumn, role: "the sensitive attribute",
                                             source: specReference("sensitive.column")),
                membership: membership, filters: filters, features: features))
        }

        // Select rows: filters, groups, missing values.
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
                for (k, j) in checked.enumerated() {
                    if k == 1 {
                        let g = group(of: trimmed(row[c.sensitive]))
                        if g == .other && spec.others == .drop { otherGroup += 1; continue rows }
                    }
                    guard spec.missingValues.contains(trimmed(row[j])) else { continue }
                    if spec.missing == .drop { incomplete += 1; continue rows }
                    throw InputError(file: c.table.path, line: c.table.lines[r], column: c.table.header[j],
                                     "missing value '\(row[j])' (the spec says missing = \"fail\"; "
                                     + "use missing = \"drop\" to skip such rows)")
                }
                let g = group(of: trimmed(row[c.sensitive]))
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
        try checkLabels(columns, kept)
        try checkGroups(columns, kept, groups)

        // Split.
        var trainRows: [(RowRef, Group)]
        var testRows: [(RowRef, Group)]
        switch spec.source {
        case .single(let file, let fraction, let seed):
            let all = Array(zip(kept[0], groups[0]))
            var rng = SeededGenerator(seed: seed)
            let order = rng.shuffled(Array(all.indices))
            let nTest = Int((fraction * Double(all.count)).rounded())
            testRows = order[0..<nTest].sorted().map { all[$0] }
            trainRows = order[nTest...].sorted().map { all[$0] }
            if trainRows.isEmpty || testRows.isEmpty {
                throw InputError(file: file, "the \(trainRows.isEmpty ? "train" : "test") split is empty "
                                 + "(\(all.count) rows kept, test_fraction \(fraction))")
            }
        case .split(let train, let test):
            trainRows = Array(zip(kept[0], groups[0]))
            testRows = Array(zip(kept[1], groups[1]))
            if trainRows.isEmpty { throw InputError(file: train, "the train split is empty after filters and missing values") }
            if testRows.isEmpty { throw InputError(file: test, "the test split is empty after filters and missing values") }
        }

        if !trainRows.contains(where: { $0.1 == .minority }) {
            throw InputError(file: columns[trainRows[0].0.table].table.path, column: spec.sensitiveColumn,
                             "the train split has no minority row, so there is no collective")
        }
        let trainLabels = Set(trainRows.map { ref, _ in
            trimmed(columns[ref.table].table.rows[ref.record][columns[ref.table].label]) })
        if trainLabels.count < 2 {
            throw InputError(file: columns[trainRows[0].0.table].table.path, column: spec.labelColumn,
                             "every row of the train split has the label '\(trainLabels.first ?? "")'; "
                             + "the firm's model needs both values")
        }

        // Encoders, fitted on the training split only. Features are addressed by their position
        // in `featureNames` (numeric, then categorical); `featureColumns` maps it to each table's column.
        let featureNames = numericNames + categoricalNames
        let featureColumns = columns.map { c in featureNames.map { c.features[$0]! } }
        func cell(_ ref: RowRef, _ feature: Int) -> String {
            trimmed(columns[ref.table].table.rows[ref.record][featureColumns[ref.table][feature]])
        }
        func number(_ ref: RowRef, _ feature: Int) throws(InputError) -> Double {
            // The typed column first (read once while parsing); the text only for the message.
            if let v = columns[ref.table].table.number(ref.record, featureColumns[ref.table][feature]), v.isFinite { return v }
            let text = cell(ref, feature)
            guard let v = Double(text), v.isFinite else {
                let c = columns[ref.table]
                throw InputError(file: c.table.path, line: c.table.lines[ref.record], column: featureNames[feature],
                                 "'\(text)' is not a number (the column is numeric)")
            }
            return v
        }
        var names: [String] = []
        var numericStats: [(mean: Double, scale: Double)] = []
        for (k, name) in numericNames.enumerated() {
            var sum = 0.0
            var values: [Double] = []
            values.reserveCapacity(trainRows.count)
            for (ref, _) in trainRows { let v = try number(ref, k); values.append(v); sum += v }
            let mean = sum / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
            let sd = variance.squareRoot()
            numericStats.append((mean, sd > 0 ? sd : 1))
            names.append(name)
        }
        var categoryLevels: [[String]] = []
        for (k, name) in categoricalNames.enumerated() {
            let levels = Set(trainRows.map { cell($0.0, numericNames.count + k) }).sorted()
            categoryLevels.append(levels)
            names.append(contentsOf: levels.map { "\(name)=\($0)" })
        }
        var sensitiveColumns: [(index: Int, value: String)] = []
        if let k = categoricalNames.firstIndex(of: spec.sensitiveColumn) {
            let start = numericNames.count + categoryLevels[..<k].reduce(0) { $0 + $1.count }
            sensitiveColumns = categoryLevels[k].enumerated().map { (start + $0.offset, $0.element) }
        }
        names.append("(intercept)")
        let d = names.count
        let levelIndex = categoryLevels.map { levels in
            Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($0.element, $0.offset) })
        }

        func encode(_ rows: [(RowRef, Group)], name: String) throws(InputError) -> DataSplit {
            var storage = [Double](repeating: 0, count: rows.count * d)
            var labels: [Double] = []
            var lines: [Int] = []
            for (i, (ref, _)) in rows.enumerated() {
                let base = i * d
                for k in numericNames.indices {
                    storage[base + k] = (try number(ref, k) - numericStats[k].mean) / numericStats[k].scale
                }
                var offset = numericNames.count
                for k in categoricalNames.indices {
                    if let level = levelIndex[k][cell(ref, numericNames.count + k)] {
                        storage[base + offset + level] = 1
                    }
                    offset += categoryLevels[k].count
                }
                storage[base + d - 1] = 1
                let c = columns[ref.table]
                labels.append(trimmed(c.table.rows[ref.record][c.label]) == spec.favorable ? 1 : 0)
                lines.append(c.table.lines[ref.record])
            }
            let file = columns[rows.first?.0.table ?? 0].table.path
            return DataSplit(name: name, features: Matrix(rows: rows.count, columns: d, storage: storage),
                             labels: labels, groups: rows.map { $0.1 }, file: file, lines: lines)
        }
        let train = try encode(trainRows, name: "train")
        let test = try encode(testRows, name: "test")
        let collective = try members(trainRows, columns)
        return Loaded(featureNames: names, train: train, test: test, collective: collective,
                      sensitiveColumns: sensitiveColumns)
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

    /// Binary labels: the favourable value occurs, and exactly one other value.
    private func checkLabels(_ columns: [Columns], _ kept: [[RowRef]]) throws(InputError) {
        var seen: [String] = []
        for refs in kept {
            for ref in refs {
                let c = columns[ref.table]
                let v = trimmed(c.table.rows[ref.record][c.label])
                if seen.contains(v) { continue }
                if seen.count == 2 {
                    throw InputError(file: c.table.path, line: c.table.lines[ref.record], column: spec.labelColumn,
                                     "the label has a third value '\(v)' (after '\(seen[0])' and '\(seen[1])'); it must be binary")
                }
                seen.append(v)
            }
        }
        if !seen.contains(spec.favorable) {
            throw InputError(file: columns[0].table.path, column: spec.labelColumn,
                             "the favourable value '\(spec.favorable)' (\(specReference("label.favorable"))) never occurs "
                             + "in the kept rows; the label's values are: \(seen.map { "'\($0)'" }.joined(separator: ", "))")
        }
        if seen.count < 2 {
            throw InputError(file: columns[0].table.path, column: spec.labelColumn,
                             "the label has a single value '\(seen[0])' in all kept rows; it must take two values")
        }
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

    /// Training-row indices of the collective.
    private func members(_ trainRows: [(RowRef, Group)], _ columns: [Columns]) throws(InputError) -> [Int] {
        let minority = trainRows.indices.filter { trainRows[$0].1 == .minority }
        switch spec.collective {
        case .fraction(let alpha, let seed):
            var rng = SeededGenerator(seed: seed)
            let size = max(1, Int((alpha * Double(minority.count)).rounded()))
            return Array(rng.shuffled(minority).prefix(size)).sorted()
        case .column(let name):
            var out: [Int] = []
            for i in minority {
                let ref = trainRows[i].0
                let c = columns[ref.table]
                switch trimmed(c.table.rows[ref.record][c.membership!]).lowercased() {
                case "1", "true", "yes": out.append(i)
                case "0", "false", "no": break
                case let v:
                    throw InputError(file: c.table.path, line: c.table.lines[ref.record], column: name,
                                     "membership must be 0 or 1, got '\(v)'")
                }
            }
            return out
        }
    }
}
