/// Why a sweep could not start or finish (bad options, an unreadable results file, ...).
public struct SweepError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
