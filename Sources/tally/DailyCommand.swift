import ArgumentParser
import TallyCSV
import TallyExtractor
import TallyLedger
import TallyReporter

/// `tally daily`: one row per day and series, figures superseded and carried forward.
struct DailyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "daily",
    abstract: "Daily tallies: one row per day and series, each claimant's latest figure carried forward.",
    discussion: """
      Columns: date,party,category,subject,claimant,value,low,high,change,status,sources
      Example:
        tally daily --party Armenia --category killed --format text
      """)

  @Option(help: ArgumentHelp("The ledger file (default: $TALLY_DB, else data/ledger.sqlite).", valueName: "PATH"))
  var db: String?

  @Option(help: ArgumentHelp("The first day to show.", valueName: "YYYY-MM-DD"))
  var from: String?

  @Option(help: ArgumentHelp("The last day to show.", valueName: "YYYY-MM-DD"))
  var to: String?

  @Option(help: "Only this party (the side the figures are about).")
  var party: String?

  @Option(help: "Only this category: killed, wounded, casualties, missing, captured, displaced or destroyed.")
  var category: String?

  @Option(help: "Output format: csv, json or text.")
  var format: OutputFormat = .csv

  func validate() throws {
    if let category, Category(rawValue: category) == nil {
      throw ValidationError("--category \(category): not a category; use one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    for (name, value) in [("--from", from), ("--to", to)] {
      if let value, PartialDate(iso: value) == nil {
        throw ValidationError("\(name) \(value): not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
      }
    }
  }

  func run() throws {
    let reconciliation = try Setup.reconciliation(db: db)
    let filter = DailyFilter(
      from: from.flatMap { PartialDate(iso: $0) }, to: to.flatMap { PartialDate(iso: $0) }, party: party,
      category: category.flatMap { Category(rawValue: $0) })
    guard format == .csv else {
      Setup.write(Report.render(reconciliation.daily(filter), as: format.report))
      return
    }
    // CSV is written as the rows are made: a long tally is never held whole.
    var output = CSVStreamWriter()
    try Report.writeCSV(DailyRow.self, to: &output) { reconciliation.forEachDailyRow(filter, $0) }
    try output.flush()
  }
}
