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
