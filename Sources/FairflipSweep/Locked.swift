import Foundation

/// A value shared between the sweep's worker threads, read and changed only under its lock:
/// the one synchronisation primitive of the sweep (instead of one lock class per use).
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value and returns its result.
    public func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
