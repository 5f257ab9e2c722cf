import ArgumentParser
import Foundation

/// The `fairflip` command: optimal collective label-flipping plans for fairer retrained models.
public struct Fairflip: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fairflip",
        abstract: "Plan which minority members should flip their labels so the retrained model is fairer.",
        discussion: """
            An instance is a TOML spec naming the data, the label, the sensitive attribute, the features, \
            the firm's logistic regression and the collective. See instances/*.toml.

            Exit status: 0 on success; 2 when a command stops on an error, every input error included \
            (a bad option or option value, a bad spec, data or results file, an unwritable output, an \
            unreachable target), with one `fairflip: error:` line on stderr saying what is wrong and where; \
            130 when Ctrl-C stops a sweep.
            """,
        version: "0.1.0",
        subcommands: [AuditCommand.self, PlanCommand.self, EvaluateCommand.self, ExportMPSCommand.self, SolveWorkerCommand.self, ToyCommand.self, SweepCommand.self,
                      ReportCommand.self, DemoCommand.self, CSVInfoCommand.self])

    public init() {}

    /// Runs the command line. Usage errors (unknown options, bad or missing values, failed
    /// validation) are input errors like any other: one `fairflip: error:` line and exit status 2
    /// (ArgumentParser's own default would be 64).
    public static func launch(_ arguments: [String]? = nil) -> Never {
        registerAsSolveWorker()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Self.exit()
        } catch {
            if error is ExitCode || exitCode(for: error) == .success { Self.exit(withError: error) }
            let given = arguments ?? Array(CommandLine.arguments.dropFirst())
            let names = configuration.subcommands.map { $0._commandName }
            let help = given.first.flatMap { names.contains($0) ? "fairflip \($0) --help" : nil } ?? "fairflip --help"
            // One line: ArgumentParser's lists of allowed values ("- a" lines) become "a, b, c".
            let lines = Self.message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let items = lines.filter { $0.hasPrefix("- ") }.map { $0.dropFirst(2) }
            let message = lines.filter { !$0.isEmpty && !$0.hasPrefix("- ") }.joined(separator: " ")
                + (items.isEmpty ? "" : " " + items.joined(separator: ", "))
            printError("\(message) (see '\(help)')")
            Self.exit(withError: ExitCode(2))
        }
    }

    /// MIP solves run in worker processes of this very executable (`fairflip solve-worker`,
    /// `WorkerBackend`), whatever it is named: a copy called `fairflip-1.2` or `ff` must not
    /// fall back to in-process CBC (no hard deadline, one solve at a time).
    private static func registerAsSolveWorker() {
        guard ProcessInfo.processInfo.environment["FAIRFLIP_EXECUTABLE"] == nil,
              let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return }
        setenv("FAIRFLIP_EXECUTABLE", path, 1)
    }
}
