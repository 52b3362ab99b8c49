import ArgumentParser
import Foundation
import TallyExtractor
import TallyLedger

/// `tally ingest`: extracts figures from articles and stores them in the ledger.
struct IngestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Extract the figures of articles on all cores and store them in the ledger, each document whole or not at all.",
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

  @Option(help: ArgumentHelp("How many documents to read at once (default: all cores).", valueName: "N"))
  var jobs: Int?

  @Flag(help: "Show no progress on standard error.")
  var quiet = false

  @OptionGroup var limits: InputLimits

  @Argument(help: "Files, folders or - for standard input.")
  var paths: [String]

  func validate() throws {
    try Setup.validate(date: date)
    try Setup.validate(jobs: jobs)
  }

  func run() throws {
    let corpus = limits.applied(to: try Setup.corpus(gazetteers: gazetteer, source: source, date: date))
    let ledger = try Ledger.open(path: LedgerLocation.resolve(db: db, environment: ProcessInfo.processInfo.environment))
    // Documents are extracted on all cores and stored in input order, a batch per transaction, each
    // batch written on a background thread while the next one fills (IngestBatch).
    var reader = ParallelCorpusReader(corpus: corpus, jobs: jobs ?? ParallelCorpusReader.defaultJobs)
    let progress = ProgressMeter(paths: paths, quiet: quiet)
    var summary = IngestSummary()
    var ledgerError: LedgerError?
    var batch = IngestBatch(ledger: ledger)
    func record(_ stored: [IngestBatch.Stored]) {
      for document in stored {
        summary.add(document.outcome)
        if case .updated(let claims) = document.outcome {
          progress?.clearLine()
          warn("updated: \(Ledger.documentName(for: document.input, sha256: document.sha256)) (\(claims) claim\(claims == 1 ? "" : "s") added)")
        }
      }
    }
    let errors = reader.read(paths) { input, result in
      guard ledgerError == nil else { return }
      if !result.warnings.isEmpty { progress?.clearLine() }
      for warning in result.warnings { warn("warning: \(warning)") }
      do throws(LedgerError) {
        record(try batch.add(result, from: input))
      } catch {
        ledgerError = error
      }
      progress?.add(bytes: result.byteCount, claims: result.claims.count)
    }
    if ledgerError == nil {
      do throws(LedgerError) { record(try batch.flush()) } catch { ledgerError = error }
    }
    progress?.finish()
    for error in errors { warn("error: \(error.description)") }
    summary.failed += errors.count
    print(summary.line)
    if let ledgerError { throw ledgerError }
    if summary.failed > 0 { throw ExitCode(1) }
  }
}
