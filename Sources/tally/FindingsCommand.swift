import ArgumentParser
import TallyCSV
import TallyLedger
import TallyReporter

/// `tally findings`: regressions, conflicts, merged categories, and figures without claimant or date.
struct FindingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "findings",
    abstract: "List findings: regressions, conflicts between sources, merged categories, historical, unattributed and undated figures.",
    discussion: """
      Examples:
        tally findings --format text
        tally findings --kind regression --kind conflict
      """)

  @Option(help: ArgumentHelp("The ledger file (default: $TALLY_DB, else data/ledger.sqlite).", valueName: "PATH"))
  var db: String?

  @Option(help: "Output format: csv, json or text.")
  var format: OutputFormat = .csv

  @Option(
    help: ArgumentHelp(
      "Only findings of this kind (repeatable): \(FindingKind.allCases.map(\.rawValue).joined(separator: ", ")).",
      valueName: "KIND"))
  var kind: [String] = []

  func validate() throws {
    for name in kind where FindingKind(rawValue: name) == nil {
      throw ValidationError(
        "--kind \(name): not a kind of finding; use one of \(FindingKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  func run() throws {
    let reconciliation = try Setup.reconciliation(db: db)
    let kinds = Set(kind.compactMap(FindingKind.init(rawValue:)))
    func forEachFinding(_ body: (Finding) -> Void) {
      reconciliation.forEachFinding { finding in
        if kinds.isEmpty || kinds.contains(finding.kind) { body(finding) }
      }
    }
    guard format == .csv else {
      var findings: [Finding] = []
      forEachFinding { findings.append($0) }
      Setup.write(Report.render(findings, as: format.report))
      return
    }
    // CSV is written as the findings are made: a large ledger's findings are never held whole.
    var output = CSVStreamWriter()
    try Report.writeCSV(Finding.self, to: &output) { forEachFinding($0) }
    try output.flush()
  }
}
