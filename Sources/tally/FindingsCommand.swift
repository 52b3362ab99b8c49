import ArgumentParser
import TallyCSV
import TallyLedger
import TallyReporter

/// `tally findings`: regressions, conflicts, merged categories, and figures without claimant or date.
struct FindingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "findings",
    abstract: "List findings: regressions, conflicts between sources, merged categories, historical, unattributed and undated figures.",
    discussion: """
      Example:
        tally findings --format text
      """)

  @Option(help: ArgumentHelp("The ledger file (default: $TALLY_DB, else data/ledger.sqlite).", valueName: "PATH"))
  var db: String?

  @Option(help: "Output format: csv, json or text.")
  var format: OutputFormat = .csv

  func run() throws {
    let reconciliation = try Setup.reconciliation(db: db)
    guard format == .csv else {
      Setup.write(Report.render(reconciliation.findings(), as: format.report))
      return
    }
    // CSV is written as the findings are made: a large ledger's findings are never held whole.
    var output = CSVStreamWriter()
    try Report.writeCSV(Finding.self, to: &output) { reconciliation.forEachFinding($0) }
    try output.flush()
  }
}
