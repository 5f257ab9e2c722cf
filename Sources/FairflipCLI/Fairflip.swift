import ArgumentParser

/// The `fairflip` command: optimal collective label-flipping plans for fairer retrained models.
public struct Fairflip: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fairflip",
        abstract: "Plan which minority members should flip their labels so the retrained model is fairer.",
        discussion: """
            An instance is a TOML spec naming the data, the label, the sensitive attribute, the features,
            the firm's logistic regression and the collective. See instances/*.toml.
            """,
        version: "0.1.0",
        subcommands: [AuditCommand.self, PlanCommand.self, ExportMPSCommand.self, ToyCommand.self, SweepCommand.self,
                      ReportCommand.self, DemoCommand.self, CSVInfoCommand.self])

    public init() {}
}
