import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) during a long command: stop at once with one line saying what was kept and
/// exit status 130 (128 + SIGINT), the shell convention.
///
/// A sweep appends each finished cell's row with a single write, so stopping between writes
/// leaves a results file of whole rows that the same command resumes; cells still running are
/// recomputed then.
enum Interruption {
    /// Handles SIGINT until the returned source is cancelled; `message` says what was kept.
    static func handle(_ message: @escaping @Sendable () -> String) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "fairflip.interrupt"))
        source.setEventHandler {
            FileHandle.standardError.write(Data("\nfairflip: interrupted: \(message())\n".utf8))
            // _exit: no atexit handlers or static destructors while planners run on other threads.
            _exit(130)
        }
        source.resume()
        return source
    }
}
