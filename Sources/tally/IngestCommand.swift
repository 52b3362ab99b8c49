import ArgumentParser
import Foundation
import TallyExtractor
import TallyLedger

/// `tally ingest`: extracts figures from articles and stores them in the ledger.
struct IngestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Extract the figures of articles and store them in the ledger, one transaction per document.",
    discussion: """
      A PATH is a file, a folder (every *.txt below it, in sorted order) or - for standard input.
      The ledger is --db, else $TALLY_DB, else data/ledger.sqlite; it is created on first use.
      A document already stored with the same bytes is unchanged; one whose bytes changed has its
      claims replaced. Ends with one line:
        ingested N documents: A new, U unchanged, P updated, F failed; C claims added
      Example:
        tally ingest data/articles
        tally ingest --db /tmp/war.sqlite --source Reuters --date 2020-10-04 report.txt
      """)

  @Option(help: ArgumentHelp("The ledger file (default: $TALLY_DB, else data/ledger.sqlite).", valueName: "PATH"))
  var db: String?

  @Option(help: "The outlet that published the articles (overrides front matter and inference).")
  var source: String?

  @Option(help: ArgumentHelp("The publication date of the articles (overrides front matter and inference).", valueName: "YYYY-MM-DD"))
  var date: String?

  @Option(help: ArgumentHelp("A CSV file of extra gazetteer rows: entity,kind,parent,names,adjectives,capital.", valueName: "FILE"))
  var gazetteer: [String] = []

  @OptionGroup var limits: InputLimits

  @Argument(help: "Files, folders or - for standard input.")
  var paths: [String]

  func validate() throws {
    try Setup.validate(date: date)
  }

  func run() throws {
    var corpus = limits.applied(to: try Setup.corpus(gazetteers: gazetteer, source: source, date: date))
    let ledger = try Ledger.open(path: LedgerLocation.resolve(db: db, environment: ProcessInfo.processInfo.environment))
    var summary = IngestSummary()
    var ledgerError: LedgerError?
    let errors = corpus.read(paths) { input, result in
      guard ledgerError == nil else { return }
      for warning in result.warnings { warn("warning: \(warning)") }
      do throws(LedgerError) {
        let outcome = try ledger.ingest(result, from: input)
        summary.add(outcome)
        if case .updated(let claims) = outcome {
          warn("updated: \(Ledger.documentName(for: input, sha256: result.sha256)) (\(claims) claim\(claims == 1 ? "" : "s") added)")
        }
      } catch {
        ledgerError = error
      }
    }
    for error in errors { warn("error: \(error.description)") }
    summary.failed += errors.count
    print(summary.line)
    if let ledgerError { throw ledgerError }
    if summary.failed > 0 { throw ExitCode(1) }
  }
}
