import ArgumentParser
import Foundation
import TallyCSV
import TallyExtractor

/// `tally extract`: prints every reported figure found in articles.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Print every reported figure in articles, with its quote and provenance.",
    discussion: """
      A PATH is a file, a folder (every *.txt below it, in sorted order) or - for standard input.
      Example:
        tally extract --format text data/articles
        tally extract --source "Press TV" --date 2020-10-04 article.txt
      """)

  @Option(help: "Output format: csv, json or text.")
  var format: OutputFormat = .csv

  @Option(help: "The outlet that published the articles (overrides front matter and inference).")
  var source: String?

  @Option(help: ArgumentHelp("The publication date of the articles (overrides front matter and inference).", valueName: "YYYY-MM-DD"))
  var date: String?

  @Option(help: ArgumentHelp("A CSV file of extra gazetteer rows: entity,kind,parent,names,adjectives,capital.", valueName: "FILE"))
  var gazetteer: [String] = []

  @Option(help: ArgumentHelp("How many documents to read at once (default: all cores); the output is the same.", valueName: "N"))
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
    let corpus = limits.applied(to: try Setup.corpus(gazetteers: gazetteer, source: source, date: date, hashes: false))
    // Documents are extracted on all cores and written in input order, so the output is the one-core output.
    var reader = ParallelCorpusReader(corpus: corpus, jobs: jobs ?? ParallelCorpusReader.defaultJobs)
    let progress = ProgressMeter(paths: paths, quiet: quiet)
    var output = ClaimOutput(format: format)
    var writeError: (any Error)?
    // Claims are written document by document (chunk by chunk for large files), so memory stays bounded.
    var claimsOfDocument = 0
    let errors = reader.read(paths, emit: { _, claims in
      claimsOfDocument += claims.count
      guard writeError == nil else { return }
      do { try output.write(claims) } catch { writeError = error }
    }) { _, result in
      if !result.warnings.isEmpty { progress?.clearLine() }
      for warning in result.warnings { warn("warning: \(warning)") }
      progress?.add(bytes: result.byteCount, claims: claimsOfDocument)
      claimsOfDocument = 0
    }
    progress?.finish()
    if let writeError { throw writeError }
    try output.finish()
    for error in errors { warn("error: \(error.description)") }
    if !errors.isEmpty { throw ExitCode(1) }
  }
}
