import Foundation

/// A value shared between threads, read and changed only under its lock: the project's one
/// synchronisation primitive (instead of one hand-rolled lock class per use). It lives in its
/// own tiny module so that every module that shares state between threads (data loading, the
/// solver's workers, the planners, the sweep) can use it without depending on each other.
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
