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

  @OptionGroup var limits: InputLimits

  @Argument(help: "Files, folders or - for standard input.")
  var paths: [String]

  func validate() throws {
    try Setup.validate(date: date)
  }

  func run() throws {
    var corpus = limits.applied(to: try Setup.corpus(gazetteers: gazetteer, source: source, date: date))
    var output = ClaimOutput(format: format)
    var writeError: (any Error)?
    // Claims are written chunk by chunk, so memory stays bounded on very large files.
    let errors = corpus.read(paths, emit: { _, claims in
      guard writeError == nil else { return }
      do { try output.write(claims) } catch { writeError = error }
    }) { _, result in
      for warning in result.warnings { warn("warning: \(warning)") }
    }
    if let writeError { throw writeError }
    try output.finish()
    for error in errors { warn("error: \(error.description)") }
    if !errors.isEmpty { throw ExitCode(1) }
  }
}
