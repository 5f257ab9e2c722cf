/// One wall-clock deadline for a whole piece of work (a plan, a sweep cell), shared out among
/// its steps: each step asks for a share of what remains.
public struct Deadline: Sendable {
    public let start: ContinuousClock.Instant
    /// The whole allowance, seconds.
    public let seconds: Double

    /// A deadline `seconds` from now.
    public init(seconds: Double) {
        start = .now
        self.seconds = seconds
    }

    /// Seconds since the start.
    public var elapsed: Double {
        (ContinuousClock.now - start).inSeconds
    }

    /// Seconds left (never negative).
    public var remaining: Double { max(0, seconds - elapsed) }

    /// Whether the deadline has passed.
    public var hasPassed: Bool { remaining <= 0 }

    /// A fraction of the remaining time, at most `cap` seconds.
    public func share(_ fraction: Double, cap: Double = .infinity) -> Double {
        min(cap, remaining * fraction)
    }
}
