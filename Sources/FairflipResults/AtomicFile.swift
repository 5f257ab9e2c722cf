import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files whole or not at all: to a temporary file beside the target, then a rename.
///
/// An interrupted or failed run therefore never leaves a half-written output behind, and an
/// existing file is either left as it was or replaced whole.
public enum AtomicFile {
    /// Writes `data` to `path`, replacing any existing file.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let tmp = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: tmp)
            // rename(2) replaces an existing file atomically. (FileManager.replaceItemAt fails on
            // Linux and had already removed the original file when it did.)
            guard rename(tmp.path, url.path) == 0 else {
                let code = errno
                throw NSError(domain: NSPOSIXErrorDomain, code: Int(code), userInfo: [
                    NSLocalizedDescriptionKey: String(cString: strerror(code)), NSFilePathErrorKey: path,
                ])
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }

    /// Writes UTF-8 text to `path`, replacing any existing file.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
