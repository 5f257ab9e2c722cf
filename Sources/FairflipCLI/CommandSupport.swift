import ArgumentParser
import FairflipData
import FairflipLearning
import FairflipReports
import FairflipResults
import Foundation

/// Runs a command body, turning the engine's errors into one clear line on stderr and exit status 2.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        printError(error.description)
    } catch let error as LogisticRegression.Failure {
        printError("training the firm's model failed: \(error.description)")
    } catch let error as ExitCode {
        throw error
    } catch let error as CleanExit {
        throw error
    } catch {
        printError("\(error)")
    }
    throw ExitCode(2)
}

/// Writes an output file whole or not at all, or fails with an error naming the file and the reason.
func writeOutput(_ text: String, to path: String) throws(InputError) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
        throw InputError(file: path, "cannot write the output: the folder '\(folder)' does not exist")
    }
    guard isFolder.boolValue else {
        throw InputError(file: path, "cannot write the output: '\(folder)' is not a folder")
    }
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
        throw InputError(file: path, "cannot write the output: it is a folder; name a file")
    }
    do {
        try AtomicFile.write(text, to: path)
    } catch {
        throw InputError(file: path, "cannot write the output: \((error as NSError).localizedDescription)")
    }
}

/// Writes a message to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("fairflip: error: \(message)\n".utf8))
}

/// Progress and notes on standard error, silenced by `--quiet`.
struct Progress {
    var quiet: Bool

    func note(_ message: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }
}

/// Options every command that loads an instance shares.
struct InstanceOptions: ParsableArguments {
    @Argument(help: "The instance spec (TOML), e.g. instances/compas.toml.")
    var spec: String

    @Flag(name: .shortAndLong, help: "Silence progress messages on stderr.")
    var quiet = false
}
