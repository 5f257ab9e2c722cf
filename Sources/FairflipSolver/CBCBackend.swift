import CCbc
import FairflipConcurrency
import Foundation

/// CBC in this process, through its C API.
///
/// CBC's solve driver keeps process-wide state (statics in CbcSolver.cpp): two solves at once in
/// one process interfere, so this backend serialises its solves, and it diverts the process's
/// standard output and error into its log reader while solving. Use it in the solve worker (one
/// solve per process) or where nothing else runs; planners use `WorkerBackend`, which runs this
/// backend in child processes, concurrently and with a hard deadline.
public struct CBCBackend: MIPBackend {
    public let name = "cbc"

    public init() {}

    public func solve(_ request: MIPRequest, events: @escaping @Sendable (MIPEvent) -> Void) throws -> MIPResult {
        let problem = request.problem
        if let start = request.start, start.count != problem.columnCount {
            throw MIPSolverError.badStart(expected: problem.columnCount, got: start.count)
        }
        Self.solveLock.lock()
        defer { Self.solveLock.unlock() }
        let model = CBCModel(problem)
        let options = request.options
        model.configure(options, hasStart: request.start != nil)
        if let start = request.start { model.setStart(start) }
        let watch = model.watchIncumbents { values, objective, bound in
            events(.solution(objective: objective, values: values))
            if let bound { events(.bound(bound)) }
        }
        defer { withExtendedLifetime(watch) {} }
        let log = CBCLog(sign: problem.sense == .minimize ? 1 : -1)
        let heard = Locked(LogFindings())
        let clock = ContinuousClock.now
        let transcript = Self.transcript()
        OutputCapture.run(lines: { line in
            transcript?.write(line, at: (ContinuousClock.now - clock).inSeconds)
            events(.log(line))
            for event in log.events(in: line) {
                heard.withLock { $0.note(event) }
                events(event)
            }
        }) {
            model.solve()
        }
        let elapsed = (ContinuousClock.now - clock).inSeconds
        var result = model.result(startGiven: request.start)
        result.seconds = elapsed
        let findings = heard.withLock { $0 }
        result.rootBound = findings.rootBound
        if request.start != nil { result.startAccepted = findings.startAccepted ?? result.startAccepted }
        return result
    }

    private static let solveLock = NSLock()

    /// The environment variable naming a file to which every solve appends CBC's log, each line
    /// stamped with the seconds since the solve began: for diagnosing a solve (where its time
    /// goes, what the root node did) from any command, solve workers included.
    public static let logVariable = "FAIRFLIP_CBC_LOG"

    private static func transcript() -> Transcript? {
        guard let path = ProcessInfo.processInfo.environment[logVariable], !path.isEmpty else { return nil }
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        return FileHandle(forWritingAtPath: path).map(Transcript.init)
    }

    /// CBC's version string.
    public static var version: String { String(cString: Cbc_getVersion()) }
}

/// What the log reader learnt during one solve (written by the reader thread, read after it).
private struct LogFindings {
    var rootBound: Double?
    var startAccepted: Bool?

    mutating func note(_ event: MIPEvent) {
        switch event {
        case let .rootBound(b): if rootBound == nil { rootBound = b }
        case let .start(accepted, _): startAccepted = accepted
        default: break
        }
    }
}

/// Appends stamped log lines to a file (`CBCBackend.logVariable`), from the log reader's thread.
private final class Transcript: @unchecked Sendable {
    private let handle: FileHandle

    init(_ handle: FileHandle) {
        self.handle = handle
        handle.seekToEndOfFile()
    }

    deinit { try? handle.close() }

    func write(_ line: String, at seconds: Double) {
        handle.write(Data((String(format: "%8.2f ", seconds) + line + "\n").utf8))
    }
}
