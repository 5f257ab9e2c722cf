import Foundation

/// Paths into the repository for tests: instances, fixtures.
public enum Repository {
    /// The repository root, found from this file's location.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A path relative to the repository root.
    public static func path(_ relative: String) -> String { root + "/" + relative }
}

/// A temporary folder for one test's files, removed when the test is done with it.
public final class Scratch {
    /// The folder's path.
    public let root: String

    /// A new empty folder in the system's temporary directory, named `prefix` and a UUID.
    public init(prefix: String) {
        root = NSTemporaryDirectory() + prefix + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `text` to `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let path = path(name)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The path of `name` in the folder.
    public func path(_ name: String) -> String { root + "/" + name }
}
