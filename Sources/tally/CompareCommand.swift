import ArgumentParser
import TallyLedger
import TallyReporter

/// `tally compare`: each claimant's latest figure side by side, with low, best and high.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare sources: each claimant's latest figure side by side, then low, best, high and spread.",
    discussion: """
      Example:
        tally compare --format text
      """)

  @Option(help: ArgumentHelp("The ledger file (default: $TALLY_DB, else data/ledger.sqlite).", valueName: "PATH"))
  var db: String?

  @Option(help: "Output format: csv, json or text.")
  var format: OutputFormat = .csv

  func run() throws {
    Setup.write(Report.render(try Setup.reconciliation(db: db).compare(), as: format.report))
  }
}
