import FairflipConcurrency
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The child side of `WorkerBackend`: reads one request from standard input, solves it with
/// in-process CBC, and streams events and the result as JSON lines on standard output.
///
/// CBC's own output is diverted into the log reader, so the protocol stream stays clean; a crash
/// of CBC ends this process only.
public enum SolveWorker {
    /// Serves one request; returns the process exit status (0 after a result, 2 on a bad request).
    public static func serve(backend: any MIPBackend = CBCBackend()) -> Int32 {
        watchParent()
        // The protocol goes to a private copy of standard output: CBC's printing on fd 1 is diverted.
        let channel = Channel(fileDescriptor: dup(1))
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let request: MIPRequest
        do {
            request = try WorkerMessage.decoder().decode(MIPRequest.self, from: input)
        } catch {
            channel.send(.failure("cannot read the request (\(input.count) bytes): \(error)"))
            return 2
        }
        do {
            let result = try backend.solve(request) { channel.send(.event($0)) }
            channel.send(.result(result))
            return 0
        } catch {
            channel.send(.failure("\(error)"))
            return 1
        }
    }

    /// The environment variable in which `WorkerBackend` names its own process id.
    public static let parentVariable = "FAIRFLIP_WORKER_PARENT"

    /// Ends this process as soon as its parent is gone (killed, or interrupted before it could
    /// stop its workers), so that no orphaned solve keeps a core busy until its own time limit.
    /// The parent is the one `WorkerBackend` named (so a parent that died before this process got
    /// here is noticed too), else the parent at start. Linux re-parents an orphan, which
    /// `getppid()` shows; polling keeps this free of C shims.
    private static func watchParent() {
        let named = ProcessInfo.processInfo.environment[parentVariable].flatMap { pid_t($0) }
        let parent = named ?? getppid()
        let watcher = Thread {
            while true {
                if getppid() != parent { _exit(3) }
                usleep(200_000)
            }
        }
        watcher.start()
    }

    /// Serialised writes of whole protocol lines.
    private struct Channel: Sendable {
        private let handle: Locked<FileHandle>

        init(fileDescriptor: Int32) { handle = Locked(FileHandle(fileDescriptor: fileDescriptor, closeOnDealloc: true)) }

        func send(_ message: WorkerMessage) {
            guard let line = try? message.line() else { return }
            handle.withLock { try? $0.write(contentsOf: line) }
        }
    }
}
