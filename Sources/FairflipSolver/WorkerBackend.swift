import FairflipConcurrency
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Solves in a child process (by default `fairflip solve-worker`), so that solves run
/// concurrently (CBC keeps process-wide state), a CBC crash ends the child only, and the
/// deadline is hard: CBC does not always keep its own time limit (a root node with a start
/// can run twice as long), so `grace` seconds after the limit the child is interrupted, and
/// killed if it still runs a second later.
///
/// The child reports each incumbent's values as CBC accepts it (`MIPEvent.solution`). When the
/// child had to be ended, the result is the last incumbent it reported (`stopped-with-incumbent`,
/// or `no-solution` when it reported none), with `stoppedBy == .deadline` and the bounds and start
/// verdict it reported on the way.
public struct WorkerBackend: MIPBackend {
    public let name = "cbc-worker"
    /// The worker executable and its arguments.
    public var executable: String
    public var arguments: [String]
    /// Seconds past the request's time limit before the child is interrupted.
    public var grace: Double

    public init(executable: String, arguments: [String] = ["solve-worker"], grace: Double = 2) {
        self.executable = executable
        self.arguments = arguments
        self.grace = grace
    }

    /// The running `fairflip` binary (via /proc/self/exe), or `FAIRFLIP_EXECUTABLE` if set; nil
    /// when this process is something else (a test runner) and the variable is unset.
    public static func locate() -> WorkerBackend? {
        if let path = ProcessInfo.processInfo.environment["FAIRFLIP_EXECUTABLE"], !path.isEmpty {
            return WorkerBackend(executable: path)
        }
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              (path as NSString).lastPathComponent == "fairflip" else { return nil }
        return WorkerBackend(executable: path)
    }

    public func solve(_ request: MIPRequest, events: @escaping @Sendable (MIPEvent) -> Void) throws -> MIPResult {
        if let start = request.start, start.count != request.problem.columnCount {
            throw MIPSolverError.badStart(expected: request.problem.columnCount, got: start.count)
        }
        let payload = try WorkerMessage.encoder().encode(request)
        Self.ignoreBrokenPipes
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment[SolveWorker.parentVariable] = String(getpid())
        process.environment = environment
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let clock = ContinuousClock.now
        do {
            try process.run()
        } catch {
            throw MIPSolverError.workerLaunch(executable: executable, reason: "\(error)")
        }
        let state = Locked(WorkerState())
        let readers = DispatchGroup()
        Self.readLines(output.fileHandleForReading, group: readers) { line in
            guard let message = try? WorkerMessage.decoder().decode(WorkerMessage.self, from: Data(line.utf8)) else {
                state.withLock { $0.protocolViolation(line) }
                return
            }
            state.withLock { $0.receive(message) }
            if case let .event(event) = message { events(event) }
        }
        Self.readLines(errors.fileHandleForReading, group: readers) { line in state.withLock { $0.stderrLine(line) } }
        // The request goes in from this thread; a child that dies early makes the write fail (EPIPE).
        try? input.fileHandleForWriting.write(contentsOf: payload)
        try? input.fileHandleForWriting.close()

        let allowance = request.options.timeLimit + grace
        var cutOff = false
        if exited.wait(timeout: .now() + allowance) == .timedOut {
            cutOff = true
            kill(process.processIdentifier, SIGINT)
            if exited.wait(timeout: .now() + 1) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
        }
        readers.wait()
        let seconds = (ContinuousClock.now - clock).inSeconds
        let outcome = state.withLock { $0 }
        if var result = outcome.result {
            result.seconds = seconds
            if cutOff && result.status != .optimal { result.stoppedBy = .deadline }
            return result
        }
        if let failure = outcome.failure {
            throw MIPSolverError.workerFailed(reason: "failed: \(failure)", stderrTail: outcome.stderrTail)
        }
        if cutOff {
            let incumbent = outcome.incumbent
            return MIPResult(status: incumbent == nil ? .noSolution : .feasible, values: incumbent?.values ?? [],
                             objective: incumbent?.objective, bound: outcome.bound, rootBound: outcome.rootBound,
                             startAccepted: outcome.startAccepted,
                             improvedOnStart: incumbent.map { request.problem.improves(on: request.start, with: $0.objective) } ?? false,
                             stoppedBy: .deadline, seconds: seconds)
        }
        let reason = process.terminationReason == .uncaughtSignal
            ? "was killed by signal \(process.terminationStatus)"
            : "exited with status \(process.terminationStatus) without a result"
        if let junk = outcome.junk {
            throw MIPSolverError.protocolViolation("\(reason); unexpected output: \(junk.prefix(200))")
        }
        throw MIPSolverError.workerFailed(reason: reason, stderrTail: outcome.stderrTail)
    }

    /// Writing to a worker that died must fail with EPIPE, not kill this process.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Calls `line` for every line read from `handle` on a new thread, until the end of the stream.
    private static func readLines(_ handle: FileHandle, group: DispatchGroup, _ line: @escaping @Sendable (String) -> Void) {
        group.enter()
        Thread {
            var splitter = LineSplitter()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                splitter.feed(chunk).forEach(line)
            }
            splitter.rest.map(line)
            group.leave()
        }.start()
    }
}

/// What the parent heard from one worker (written by reader threads, read after they finish).
private struct WorkerState {
    var result: MIPResult?
    var failure: String?
    var bound: Double?
    var rootBound: Double?
    var startAccepted: Bool?
    /// The last incumbent reported (CBC reports only improving ones).
    var incumbent: (values: [Double], objective: Double)?
    var junk: String?
    var stderrTail = ""

    mutating func receive(_ message: WorkerMessage) {
        switch message {
        case let .result(r): result = r
        case let .failure(f): failure = f
        case let .event(.bound(b)): bound = b
        case let .event(.rootBound(b)): if rootBound == nil { rootBound = b }
        case let .event(.start(accepted, _)): startAccepted = accepted
        case let .event(.solution(objective, values)): incumbent = (values, objective)
        case .event: break
        }
    }

    mutating func protocolViolation(_ line: String) {
        if junk == nil { junk = line }
    }

    mutating func stderrLine(_ line: String) {
        stderrTail = String((stderrTail.isEmpty ? line : stderrTail + " | " + line).suffix(500))
    }
}
