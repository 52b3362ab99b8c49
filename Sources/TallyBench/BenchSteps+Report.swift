import Foundation
import TallyLedger
import TallyReporter

extension BenchSteps {
  /// `tally report`: the six files into the folder `outPath`, as the command writes them (claims
  /// with their quotes, reconciled once; each CSV streamed to its temporary file, then all
  /// renamed). The time covers opening the ledger (with its integrity check) to the last rename;
  /// the rows are those of `claims.csv`, and the note gives each file's rows and the bytes written.
  public static func report(ledgerPath: String, label: String, outPath: String) throws -> BenchMeasurement {
    let start = now()
    let ledger = try Ledger.open(path: ledgerPath, access: .readOnly)
    let reconciliation = Reconciliation(table: try ledger.claimTable(details: true))
    let loaded = now()
    let written = try ReportSet(reconciliation).write(to: outPath)
    let end = now()
    var bytes = 0
    for name in written.names { bytes += fileSize(outPath + "/" + name) }
    var measurement = BenchMeasurement(step: "report", input: label, jobs: 1, seconds: end - start)
    measurement.claims = reconciliation.claimCount
    measurement.rows = (written.rows.first ?? nil) ?? 0
    measurement.note = String(
      format: "six files: open, load and reconcile %.2f s, render and write %.2f s (%.1f MB); ", loaded - start,
      end - loaded, Double(bytes) / 1e6)
      + zip(written.names, written.rows).map { name, rows in rows.map { "\(name) \($0)" } ?? name }
      .joined(separator: ", ")
    return measurement
  }
}
