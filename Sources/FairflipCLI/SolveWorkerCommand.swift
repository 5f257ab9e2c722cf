import ArgumentParser
import FairflipSolver
import Foundation

/// `fairflip solve-worker` (hidden): the child process of `WorkerBackend`. Reads one solve
/// request (JSON) on standard input, solves it with CBC, and writes events and the result as
/// JSON lines on standard output. Not meant to be run by hand.
struct SolveWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve-worker",
        abstract: "Solve one MIP request from standard input (used internally by the MIP planner).",
        shouldDisplay: false)

    func run() throws {
        let status = SolveWorker.serve()
        if status != 0 { throw ExitCode(status) }
    }
}
