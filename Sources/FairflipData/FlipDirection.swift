/// Which label changes the collective may make.
public enum FlipDirection: String, Sendable, Codable, CaseIterable {
    /// Unfavourable to favourable (0 to 1): the paper's setting and the default.
    case up
    /// Favourable to unfavourable (1 to 0).
    case down
    /// Either way.
    case both

    /// Whether a row with this true label may be flipped.
    public func allows(label: Double) -> Bool {
        switch self {
        case .up: return label < 0.5
        case .down: return label >= 0.5
        case .both: return true
        }
    }
}
