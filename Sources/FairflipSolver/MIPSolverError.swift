/// Why a backend could not deliver a result (as opposed to a result saying "infeasible").
public enum MIPSolverError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The start does not have one value per column.
    case badStart(expected: Int, got: Int)
    /// The worker process could not be started.
    case workerLaunch(executable: String, reason: String)
    /// The worker process ended without a result (crashed, killed by a signal, exited early).
    case workerFailed(reason: String, stderrTail: String)
    /// The worker sent something that is not a message of the protocol.
    case protocolViolation(String)

    public var description: String {
        switch self {
        case let .badStart(expected, got):
            return "a MIP start needs one value per column (\(expected)), got \(got)"
        case let .workerLaunch(executable, reason):
            return "cannot start the solve worker \(executable): \(reason)"
        case let .workerFailed(reason, tail):
            return "the solve worker \(reason)" + (tail.isEmpty ? "" : " (its last output: \(tail))")
        case let .protocolViolation(what):
            return "the solve worker broke the protocol: \(what)"
        }
    }
}
