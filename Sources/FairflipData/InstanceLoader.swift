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
        let paths: [String]
        switch spec.source {
        case .single(let file, _, _): paths = [file]
        case .split(let train, let test): paths = [train, test]
        }
        var tables: [CSVTable] = []
        for p in paths { tables.append(try CSVTable(contentsOf: p)) }

        let (numericNames, categoricalNames) = try featureLists(tables[0])
        var columns: [Columns] = []
        for t in tables {
            var features: [String: Int] = [:]
            for name in numericNames + categoricalNames { features[name] = try t.columnIndex(name, role: "features") }
            var filters: [(RowFilter, Int)] = []
            for f in spec.filters { filters.append((f, try t.columnIndex(f.column, role: "filter '\(f)'"))) }
            var membership: Int?
            if case .column(let name) = spec.collective { membership = try t.columnIndex(name, role: "collective membership") }
            columns.append(Columns(
                table: t, label: try t.columnIndex(spec.labelColumn, role: "label"),
                sensitive: try t.columnIndex(spec.sensitiveColumn, role: "sensitive attribute"),
                membership: membership, filters: filters, features: features))
        }

        // Select rows: filters, groups, missing values.
        var kept: [[RowRef]] = []
        var groups: [[Group]] = []
        for (ti, c) in columns.enumerated() {
            var refs: [RowRef] = []
            var gs: [Group] = []
            let used = [c.label, c.sensitive] + (c.membership.map { [$0] } ?? []) + (numericNames + categoricalNames).map { c.features[$0]! }
            rows: for (r, row) in c.table.rows.enumerated() {
                for (f, j) in c.filters where !f.accepts(row[j]) { continue rows }
                let g = group(of: trimmed(row[c.sensitive]))
                if g == .other && spec.others == .drop { continue }
                for j in used where spec.missingValues.contains(trimmed(row[j])) {
                    if spec.missing == .drop { continue rows }
                    throw InputError(file: c.table.path, line: c.table.lines[r], column: c.table.header[j],
                                     "missing value '\(row[j])' (the spec says missing = \"fail\")")
                }
                refs.append(RowRef(table: ti, record: r))
                gs.append(g)
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

        // Encoders, fitted on the training split only. Features are addressed by their position
        // in `featureNames` (numeric, then categorical); `featureColumns` maps it to each table's column.
        let featureNames = numericNames + categoricalNames
        let featureColumns = columns.map { c in featureNames.map { c.features[$0]! } }
        func cell(_ ref: RowRef, _ feature: Int) -> String {
            trimmed(columns[ref.table].table.rows[ref.record][featureColumns[ref.table][feature]])
        }
        func number(_ ref: RowRef, _ feature: Int) throws(InputError) -> Double {
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
        for name in numeric + categorical {
            if name == spec.labelColumn {
                throw InputError(file: spec.path, column: name, "the label column cannot be a feature")
            }
            if spec.dropped.contains(name) {
                throw InputError(file: spec.path, column: name, "listed both as a feature and under 'drop'")
            }
        }
        if let dup = Dictionary(grouping: numeric + categorical, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw InputError(file: spec.path, column: dup, "listed twice among the features")
        }
        numeric.removeAll { $0 == spec.sensitiveColumn && spec.includeSensitive == false }
        categorical.removeAll { $0 == spec.sensitiveColumn }
        if spec.includeSensitive { categorical.append(spec.sensitiveColumn) }
        return (numeric.filter { $0 != spec.sensitiveColumn }, categorical)
    }

    /// Binary labels: at most two values, and the favourable one must occur.
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
                             "the favourable value '\(spec.favorable)' never occurs; values: \(seen.joined(separator: ", "))")
        }
    }

    /// Both groups must occur among the kept rows.
    private func checkGroups(_ columns: [Columns], _ kept: [[RowRef]], _ groups: [[Group]]) throws(InputError) {
        let all = groups.flatMap { $0 }
        for (g, values) in [(Group.minority, spec.minorityValues), (.majority, spec.majorityValues)] where !all.contains(g) {
            var present = Set<String>()
            for c in columns { for row in c.table.rows { present.insert(trimmed(row[c.sensitive])) } }
            throw InputError(file: columns[0].table.path, column: spec.sensitiveColumn,
                             "no kept row has the \(g.rawValue) value(s) \(values.map { "'\($0)'" }.joined(separator: ", "))"
                             + "; values in the file: \(present.sorted().joined(separator: ", "))")
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
