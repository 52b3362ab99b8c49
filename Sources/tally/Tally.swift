import ArgumentParser

/// The `tally` command: turns news articles into an auditable ledger of reported figures.
@main
struct Tally: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tally",
    abstract: "Turn news articles into an auditable ledger of reported figures.",
    version: "0.1.0",
    subcommands: []
  )
}
