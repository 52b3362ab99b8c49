import ArgumentParser
import Foundation
import TallyLedger

/// `tally import`: stores an analyst's figures from a CSV file in the ledger.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Store an analyst's figures, in the columns of `tally extract --format csv`, in the ledger.",
    discussion: """
      Every row is checked first; a file with any bad row imports nothing and each bad row is
      listed with its line number. Importing the same file again adds nothing. Prints:
        imported N figures from FILE (C new claims)
      Example:
        tally import --db /tmp/war.sqlite manual.csv
      """)

  @Option(help: ArgumentHelp("The ledger file (default: $TALLY_DB, else data/ledger.sqlite).", valueName: "PATH"))
  var db: String?

  @Argument(help: ArgumentHelp("The CSV file of figures.", valueName: "FILE.csv"))
  var file: String

  func run() throws {
    let ledger = try Ledger.open(path: LedgerLocation.resolve(db: db, environment: ProcessInfo.processInfo.environment))
    let outcome = try ledger.importFigures(path: file)
    print(outcome.line(file: file))
  }
}
