import ArgumentParser
import Foundation
import TallyCSV
import TallyExtractor

/// `tally eval`: scores the extractor against an analyst's gold file.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score the extractor against an analyst's gold file: precision, recall, F1 and attribute accuracy.",
    discussion: """
      The gold file has the columns doc,value,low,high,qualifier,category,subject,party,claimant,as_of,quote
      (and optionally location); doc is the article's file name without .txt.
      Example:
        tally eval --gold ../shared/seed_gold.csv ../shared/seeds
      """)

  @Option(help: ArgumentHelp("The analyst's gold file.", valueName: "GOLD.csv"))
  var gold: String

  @Flag(help: "List missed and extra figures and every disagreement.")
  var details = false

  @Option(help: ArgumentHelp("A CSV file of extra gazetteer rows.", valueName: "FILE"))
  var gazetteer: [String] = []

  @Argument(help: "The articles the gold file describes: files or folders.")
  var paths: [String]

  func run() throws {
    let figures = try Evaluation.readGold(path: gold)
    var corpus = try Setup.corpus(gazetteers: gazetteer, source: nil, date: nil, hashes: false)
    var claims: [Claim] = []
    let errors = corpus.read(paths) { _, result in claims.append(contentsOf: result.claims) }
    for error in errors { warn("error: \(error.description)") }
    let evaluation = Evaluation(gold: figures, claims: claims)
    FileHandle.standardOutput.write(Data(evaluation.report(details: details).utf8))
    if !errors.isEmpty { throw ExitCode(1) }
  }
}
