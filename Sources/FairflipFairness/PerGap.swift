/// One value per gap, typed: what `[Gap: Value]` dictionaries were, without optional lookups.
public struct PerGap<Value> {
    public var tpr: Value
    public var fpr: Value
    public var pr: Value

    /// The three values, by gap.
    public init(tpr: Value, fpr: Value, pr: Value) {
        self.tpr = tpr
        self.fpr = fpr
        self.pr = pr
    }

    /// Each gap's value from a function of the gap.
    public init(_ value: (Gap) throws -> Value) rethrows {
        self.init(tpr: try value(.tpr), fpr: try value(.fpr), pr: try value(.pr))
    }

    /// The value of one gap.
    public subscript(gap: Gap) -> Value {
        get {
            switch gap {
            case .tpr: return tpr
            case .fpr: return fpr
            case .pr: return pr
            }
        }
        set {
            switch gap {
            case .tpr: tpr = newValue
            case .fpr: fpr = newValue
            case .pr: pr = newValue
            }
        }
    }
}

extension PerGap: Sendable where Value: Sendable {}
extension PerGap: Equatable where Value: Equatable {}

/// Gap values (minority − majority), one per gap.
public typealias GapValues = PerGap<Double>

extension PerGap where Value == Double {
    /// Every gap zero.
    public static var zero: GapValues { GapValues(tpr: 0, fpr: 0, pr: 0) }
}
