/// Passes status lines to a planner's `progress` callback at most once per interval.
///
/// Long planners produce a status after every retrain; users want a heartbeat, not a flood.
struct ProgressThrottle {
    private let progress: @Sendable (String) -> Void
    private let interval: Duration
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant?

    init(_ progress: @escaping @Sendable (String) -> Void, interval: Duration = .seconds(1)) {
        self.progress = progress
        self.interval = interval
    }

    /// Reports `message()` if the interval has passed since the last report (or `force`).
    mutating func report(force: Bool = false, _ message: @autoclosure () -> String) {
        let now = clock.now
        if force || last.map({ now - $0 >= interval }) ?? true {
            last = now
            progress(message())
        }
    }

    /// A metric value for status lines (four decimals).
    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        return "\((x * 10_000).rounded() / 10_000)"
    }
}
