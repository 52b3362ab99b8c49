import ArgumentParser
import TallyExtractor
import TallyLedger
import TallyReporter

/// `tally report`: writes the claims, daily tallies, comparison, findings, brief and chart into a folder.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write every report into a folder: claims.csv, daily.csv, compare.csv, findings.csv, summary.txt, chart.svg.",
    discussion: """
      The six files are written to temporary names, then renamed only when all
      are written: a failed run leaves the folder as it was. --from and --to
      limit daily.csv, the brief and the chart; claims.csv, compare.csv and
      findings.csv are always complete. Ends with one line:
        wrote reports: claims.csv (N rows), daily.csv (N rows), ...
      Example:
        tally report --out reports --bom --hxl
      """)

  @Option(help: ArgumentHelp("The ledger file (default: $TALLY_DB, else data/ledger.sqlite).", valueName: "PATH"))
  var db: String?

  @Option(help: ArgumentHelp("The folder to write the reports into (created if missing).", valueName: "DIR"))
  var out: String = "reports"

  @Flag(help: "Start every CSV with the UTF-8 byte order mark, so that Excel reads accents right.")
  var bom = false

  @Flag(help: "Add a second row of HXL hashtags (#date+occurred, #affected+num, ...) under every CSV header.")
  var hxl = false

  @Option(help: ArgumentHelp("The first day of the daily tallies, the brief and the chart.", valueName: "YYYY-MM-DD"))
  var from: String?

  @Option(help: ArgumentHelp("The last day of the daily tallies, the brief and the chart.", valueName: "YYYY-MM-DD"))
  var to: String?

  func validate() throws {
    for (name, value) in [("--from", from), ("--to", to)] {
      if let value, PartialDate(iso: value) == nil {
        throw ValidationError("\(name) \(value): not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
      }
    }
  }

  func run() throws {
    let reconciliation = try Setup.reconciliation(db: db, details: true)
    let options = ReportOptions(
      byteOrderMark: bom, hxl: hxl, from: from.flatMap { PartialDate(iso: $0) }, to: to.flatMap { PartialDate(iso: $0) })
    let report = ReportSet(reconciliation, options: options)
    print(try report.write(to: out).summary)
  }
}
