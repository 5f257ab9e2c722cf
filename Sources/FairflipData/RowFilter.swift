/// A condition a data row must meet to be kept, such as `is_recid != -1`.
///
/// Written in specs as `"column op value"` with op one of `== != < <= > >=`. Values
/// compare as numbers when both sides are numbers, otherwise as text; an ordering
/// test on a missing or non-numeric value fails, so the row is dropped.
public struct RowFilter: Sendable, Equatable, CustomStringConvertible {
    /// The comparison.
    public enum Operator: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">="
        case less = "<", greater = ">"
    }

    public let column: String
    public let op: Operator
    public let value: String

    /// Parses `"column op value"`; returns nil when the text has no such shape.
    public init?(_ text: String) {
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count == 3, let op = Operator(rawValue: String(parts[1])) else { return nil }
        self.column = String(parts[0])
        self.op = op
        self.value = String(parts[2])
    }

    public var description: String { "\(column) \(op.rawValue) \(value)" }

    /// Whether a cell's text passes the filter.
    public func accepts(_ cell: String) -> Bool {
        let trimmed = cell.trimmingCharacters(in: .whitespaces)
        if let a = Double(trimmed), let b = Double(value) {
            switch op {
            case .equal: return a == b
            case .notEqual: return a != b
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            }
        }
        switch op {
        case .equal: return trimmed == value
        case .notEqual: return trimmed != value
        default: return false
        }
    }
}

import Foundation
