import FairflipFairness

/// One of the sensitive attribute's one-hot columns, when the firm's model sees the attribute.
public struct SensitiveColumn: Sendable, Equatable {
    /// The encoded column's index.
    public var index: Int
    /// The attribute's value the column stands for.
    public var value: String
    /// The group rows with that value belong to.
    public var group: Group

    public init(index: Int, value: String, group: Group) {
        self.index = index
        self.value = value
        self.group = group
    }
}
