import FairflipConcurrency
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A regular file opened for reading, with its size; errors name the file and what it is.
private struct OpenFile {
    let fd: Int32
    let size: Int

    init(_ path: String, naming what: String) throws(InputError) {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(file: path, "cannot read the \(what) (missing or unreadable)") }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw InputError(file: path, "cannot read the \(what) (not a regular file)")
        }
        size = Int(info.st_size)
    }

    /// Reads `count` bytes at `offset` into `to`; the bytes read (fewer at the end of the file), or nil on an error.
    func read(into to: UnsafeMutablePointer<UInt8>, offset: Int, count: Int) -> Int? {
        var done = 0
        while done < count {
            let got = pread(fd, to + done, count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            done += got
        }
        return done
    }
}

/// The bytes of a file; `what` names the file in the errors ("file", "spec file").
func readBytes(_ path: String, naming what: String) throws(InputError) -> [UInt8] {
    let file = try OpenFile(path, naming: what)
    defer { close(file.fd) }
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: file.size) { buffer, count in
        guard let base = buffer.baseAddress, let got = file.read(into: base, offset: 0, count: file.size) else {
            failed = file.size > 0
            count = 0
            return
        }
        count = got
    }
    if failed { throw InputError(file: path, "cannot read the \(what) (a read error)") }
    return bytes
}

extension ParseBuffer where Element == UInt8 {
    /// The bytes of a file and their number, read in up to `threads` pieces of at least
    /// `minimumPiece` bytes at once (a large file's copy out of the page cache, and the faults on
    /// the fresh buffer, are shared among cores).
    static func contents(of path: String, naming what: String, threads: Int,
                         minimumPiece: Int) throws(InputError) -> (ParseBuffer<UInt8>, Int) {
        let file = try OpenFile(path, naming: what)
        defer { close(file.fd) }
        let size = file.size
        let buffer = ParseBuffer<UInt8>(capacity: size)
        let pieces = max(1, min(threads, size / max(1, minimumPiece)))
        let piece = (size + pieces - 1) / pieces
        let shortfall = Locked(false), failed = Locked(false)
        let base = buffer.base
        nonisolated(unsafe) let target = base
        DispatchQueue.concurrentPerform(iterations: pieces) { k in
            let offset = k * piece, count = max(0, min(piece, size - offset))
            guard count > 0 else { return }
            switch file.read(into: target + offset, offset: offset, count: count) {
            case nil: failed.withLock { $0 = true }
            case let got? where got < count: shortfall.withLock { $0 = true }
            default: break
            }
        }
        if failed.withLock({ $0 }) { throw InputError(file: path, "cannot read the \(what) (a read error)") }
        if shortfall.withLock({ $0 }) { throw InputError(file: path, "cannot read the \(what) (it shrank while it was read)") }
        return (buffer, size)
    }
}
