/// Which side of the fairness comparison a row is on.
public enum Group: String, Sendable, Codable, CaseIterable {
    /// The protected group (the collective is drawn from it).
    case minority
    /// The group the minority is compared with.
    case majority
    /// Rows of neither group, kept in training when the spec says so; never in a gap.
    case other
}
