import CCbc
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sends the process's standard output and error (file descriptors 1 and 2) into a pipe while
/// `body` runs, and hands every line written there to `line` (from a reader thread).
///
/// CBC prints its log and internal complaints on both streams even at log level 0. Diverting
/// them is process-wide, so it is only harmless in a process that does nothing else meanwhile:
/// the solve worker. In-process solves (tests, `CBCBackend` used directly) would also capture
/// what other threads print during the solve.
enum OutputCapture {
    static func run<T>(lines line: @escaping @Sendable (String) -> Void, _ body: () -> T) -> T {
        fflush(nil)
        var fds: [Int32] = [0, 0]
        let savedOut = dup(1), savedErr = dup(2)
        guard pipe(&fds) == 0, savedOut >= 0, savedErr >= 0 else {
            for fd in [savedOut, savedErr] where fd >= 0 { close(fd) }
            return body()
        }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            var splitter = LineSplitter()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(readEnd, &buffer, buffer.count)
                if n <= 0 { break }
                splitter.feed(buffer[0..<n]).forEach(line)
            }
            splitter.rest.map(line)
            close(readEnd)
            done.signal()
        }
        reader.start()
        dup2(writeEnd, 1)
        dup2(writeEnd, 2)
        close(writeEnd)
        // Line by line, so that what CBC reports (its root bound) is heard when it happens, even
        // if the solve is then cut off: into a pipe, stdio would hold it back in a full buffer.
        fairflip_line_buffer_stdout()
        let result = body()
        fflush(nil)
        dup2(savedOut, 1)
        dup2(savedErr, 2)
        close(savedOut)
        close(savedErr)
        done.wait()  // the pipe's last writer is gone: the reader sees the end
        return result
    }
}
