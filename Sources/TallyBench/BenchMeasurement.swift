import Foundation
public import TallyCSV

/// One line of the benchmark table: what a step did, how long it took, how much memory it used.
///
/// A step runs in a child process of `tally-bench` so that its peak memory is its own; the child
/// prints the measurement as one JSON line, and the parent collects the lines into the table.
public struct BenchMeasurement: Sendable, Hashable, Codable {
  /// `extract`, `ingest`, `daily`, `compare`, …
  public var step: String
  /// What it ran on: `10 MB corpus`, `10^6 claims`.
  public var input: String
  /// Cores used (1 or all).
  public var jobs: Int
  /// Wall-clock seconds of the measured part.
  public var seconds: Double
  /// Bytes of text read (0 when it does not apply).
  public var bytes: Int = 0
  /// Documents read.
  public var documents: Int = 0
  /// Claims extracted, stored or loaded.
  public var claims: Int = 0
  /// Rows produced (reports, exports).
  public var rows: Int = 0
  /// The ledger's size on disk, with its WAL.
  public var ledgerBytes: Int = 0
  /// Peak resident memory of the step's process (VmHWM), in KB.
  public var peakKB: Int = 0
  /// A remark: the phases of a query, what was skipped and why.
  public var note: String = ""

  public init(step: String, input: String, jobs: Int = 1, seconds: Double) {
    self.step = step
    self.input = input
    self.jobs = jobs
    self.seconds = seconds
  }

  /// The table's columns, in order.
  public static let columns = [
    "step", "input", "jobs", "seconds", "MB/s", "docs/s", "claims", "claims/s", "rows", "rows/s", "ledger MB",
    "peak MB", "note",
  ]

  /// The cells of the table, formatted for reading (empty where a figure does not apply).
  public var cells: [String] {
    func rate(_ count: Int, _ digits: Int = 0) -> String {
      count > 0 && seconds > 0 ? Self.format(Double(count) / seconds, digits) : ""
    }
    return [
      step, input, String(jobs), Self.format(seconds, seconds < 1 ? 3 : 2),
      bytes > 0 && seconds > 0 ? Self.format(Double(bytes) / 1e6 / seconds, 1) : "", rate(documents),
      claims > 0 ? String(claims) : "", rate(claims), rows > 0 ? String(rows) : "", rate(rows),
      ledgerBytes > 0 ? Self.format(Double(ledgerBytes) / 1e6, 1) : "",
      peakKB > 0 ? Self.format(Double(peakKB) / 1024, 0) : "", note,
    ]
  }

  static func format(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
  }

  /// The measurements as a Markdown table, ready to paste into the README.
  public static func table(_ measurements: [BenchMeasurement]) -> String {
    let rows = [columns] + measurements.map(\.cells)
    var widths = [Int](repeating: 0, count: columns.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func line(_ row: [String]) -> String {
      "| " + row.enumerated().map { $1 + String(repeating: " ", count: widths[$0] - $1.count) }.joined(separator: " | ")
        + " |"
    }
    var out = line(columns) + "\n"
    out += "| " + widths.map { String(repeating: "-", count: max(3, $0)) }.joined(separator: " | ") + " |\n"
    for row in rows.dropFirst() { out += line(row) + "\n" }
    return out
  }

  /// Writes the measurements as CSV, with the same columns as the table.
  ///
  /// - Throws: ``CSVError`` when the file cannot be written.
  public static func writeCSV(_ measurements: [BenchMeasurement], to path: String) throws(CSVError) {
    var file = try CSVFileWriter(path: path)
    try file.writeHeader(columns)
    for measurement in measurements { try file.writeRow(measurement.cells.map { CSVCell.text($0) }) }
    try file.finish()
  }

  /// The peak resident memory of this process so far (VmHWM of /proc/self/status), in KB.
  public static func peakResidentKB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "") ?? 0
    }
    return 0
  }
}
