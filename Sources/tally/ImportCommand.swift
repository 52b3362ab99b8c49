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

  @Option(help: ArgumentHelp("Refuse a file larger than this many megabytes (default 512).", valueName: "MB"))
  var maxFileMb: Int = 512

  @Option(help: ArgumentHelp("Refuse a file with a field longer than this many kilobytes (default 1024).", valueName: "KB"))
  var maxFieldKb: Int = 1024

  @Argument(help: ArgumentHelp("The CSV file of figures.", valueName: "FILE.csv"))
  var file: String

  func validate() throws {
    for (name, value, unit) in [("--max-file-mb", maxFileMb, 20), ("--max-field-kb", maxFieldKb, 10)]
    where value < 1 || value > Int.max >> (unit + 1) {
      throw ValidationError("\(name) \(value): not a size; give a whole number of at least 1")
    }
  }

  func run() throws {
    let ledger = try Ledger.open(path: LedgerLocation.resolve(db: db, environment: ProcessInfo.processInfo.environment))
    let outcome = try ledger.importFigures(path: file, maxFieldBytes: maxFieldKb << 10, maxFileBytes: maxFileMb << 20)
    print(outcome.line(file: file))
  }
}
