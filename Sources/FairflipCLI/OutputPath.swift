import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks an output path before any work starts, so that a long plan or sweep never fails at
/// the end for want of a writable place; the messages say what is wrong in plain words.
enum OutputPath {
    /// What the path must name.
    enum Kind {
        /// A folder the command writes files into (created if missing).
        case folder
        /// A file the command writes (replaced if it exists).
        case file
    }

    /// Throws a usage error naming `flag` and `path` unless `path` can be written as `kind`.
    static func check(_ path: String, as kind: Kind, flag: String) throws {
        if let problem = problem(path, as: kind) { throw ValidationError("\(flag) \(path): \(problem)") }
    }

    /// Why `path` cannot be written as `kind`, or nil.
    static func problem(_ path: String, as kind: Kind) -> String? {
        let fm = FileManager.default
        guard !path.isEmpty else { return "the path is empty" }
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isFolder) {
            switch (kind, isFolder.boolValue) {
            case (.folder, false): return "a file of that name exists; name a folder"
            case (.file, true): return "it is a folder; name a file"
            case (.folder, true): return access(path, W_OK | X_OK) == 0 ? nil : "the folder is not writable"
            case (.file, false):
                let folder = parent(of: path)
                return access(folder, W_OK | X_OK) == 0 ? nil : "the folder \(folder) is not writable"
            }
        }
        // The nearest existing ancestor must be a writable folder (missing ones are created).
        var ancestor = parent(of: path)
        while !fm.fileExists(atPath: ancestor, isDirectory: &isFolder) { ancestor = parent(of: ancestor) }
        guard isFolder.boolValue else { return "\(ancestor) is a file, not a folder" }
        if kind == .file && ancestor != parent(of: path) { return "the folder \(parent(of: path)) does not exist" }
        return access(ancestor, W_OK | X_OK) == 0 ? nil : "the folder \(ancestor) is not writable"
    }

    /// The folder holding `path` (`.` for a bare name).
    private static func parent(of path: String) -> String {
        let p = (path as NSString).deletingLastPathComponent
        return p.isEmpty ? "." : p
    }
}
