import ArgumentParser
import TallyExtractor
import TallyLedger
import TallyReporter

/// `tally summary`: the brief of `summary.txt`, on standard output.
struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Print the brief: each party's latest figures per claimant, the findings and the historical figures.",
    discussion: """
      The same text as reports/summary.txt (see the README, section "The brief").
      Example:
        tally summary --to 2020-10-04
      """)

  @Option(help: ArgumentHelp("The ledger file (default: $TALLY_DB, else data/ledger.sqlite).", valueName: "PATH"))
  var db: String?

  @Option(help: ArgumentHelp("The first day of the period.", valueName: "YYYY-MM-DD"))
  var from: String?

  @Option(help: ArgumentHelp("The last day of the period: the brief as it stood that day.", valueName: "YYYY-MM-DD"))
  var to: String?

  func validate() throws {
    for (name, value) in [("--from", from), ("--to", to)] {
      if let value, PartialDate(iso: value) == nil {
        throw ValidationError("\(name) \(value): not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
      }
    }
  }

  func run() throws {
    let brief = Brief.text(
      try Setup.reconciliation(db: db), from: from.flatMap { PartialDate(iso: $0) },
      to: to.flatMap { PartialDate(iso: $0) })
    Setup.write(Array(brief.utf8))
  }
}
