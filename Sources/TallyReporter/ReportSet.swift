public import TallyCSV
public import TallyExtractor
public import TallyLedger

/// What `tally report` writes, and how.
///
/// For example, for `tally report --bom --from 2020-10-01`:
///
/// ```swift
/// let options = ReportOptions(byteOrderMark: true, from: PartialDate(iso: "2020-10-01"))
/// ```
public struct ReportOptions: Sendable, Hashable {
  /// Whether every CSV starts with the UTF-8 byte order mark that Excel needs to read UTF-8.
  public var byteOrderMark: Bool
  /// Whether every CSV has a second row of HXL hashtags under its header.
  public var hxl: Bool
  /// The first day of `daily.csv`, the chart and the brief (a month or a year stands for its first day).
  public var from: PartialDate?
  /// The last day of `daily.csv`, the chart and the brief (a month or a year stands for its last day).
  public var to: PartialDate?

  /// Creates options; by default no byte order mark, no HXL row and the whole period.
  public init(byteOrderMark: Bool = false, hxl: Bool = false, from: PartialDate? = nil, to: PartialDate? = nil) {
    self.byteOrderMark = byteOrderMark
    self.hxl = hxl
    self.from = from
    self.to = to
  }

  /// The CSV writer's options: RFC 4180 with CRLF, the formula guard on, the byte order mark if asked.
  public var csv: CSVWriterOptions {
    CSVWriterOptions(lineEnding: "\r\n", byteOrderMark: byteOrderMark, guardsFormulas: true)
  }
}

/// One file of a report, rendered in memory.
public struct ReportFile: Sendable, Hashable {
  /// The file name inside the output folder, for example `claims.csv`.
  public var name: String
  /// The file's bytes.
  public var bytes: [UInt8]
  /// The number of data rows of a CSV file (header and HXL rows not counted); `nil` for other files.
  public var rows: Int?

  /// Creates a file.
  public init(name: String, bytes: [UInt8], rows: Int?) {
    self.name = name
    self.bytes = bytes
    self.rows = rows
  }
}

/// The six files of `tally report`, rendered from one reconciliation.
///
/// `claims.csv`, `compare.csv` and `findings.csv` are always complete; `--from` and `--to`
/// (``ReportOptions/from`` and ``ReportOptions/to``) limit `daily.csv`, `summary.txt` and
/// `chart.svg`. For example:
///
/// ```swift
/// let report = ReportSet(Reconciliation(claims: try ledger.claims()))
/// try report.write(to: "reports")
/// print(report.summary(folder: "reports"))
/// ```
public struct ReportSet: Sendable {
  /// The file names, in the order they are written.
  public static let fileNames = [
    "claims.csv", "daily.csv", "compare.csv", "findings.csv", "summary.txt", "chart.svg",
  ]

  /// The files, in the order of ``fileNames``.
  public var files: [ReportFile]

  /// Renders every file.
  ///
  /// - Parameters:
  ///   - reconciliation: The ledger's claims, reconciled.
  ///   - options: Byte order mark, HXL row and the period of the daily tallies, brief and chart.
  public init(_ reconciliation: Reconciliation, options: ReportOptions = .init()) {
    let claims = ClaimRow.csv(reconciliation.table, options: options.csv, hxl: options.hxl)
    let csv = options.csv
    // Daily rows and findings go straight into their CSV, with no array of rows.
    let daily = Report.csv(DailyRow.self, options: csv, hxl: options.hxl) {
      reconciliation.forEachDailyRow(DailyFilter(from: options.from, to: options.to), $0)
    }
    let compare = reconciliation.compare()
    let findings = Report.csv(Finding.self, options: csv, hxl: options.hxl) { reconciliation.forEachFinding($0) }
    files = [
      ReportFile(name: "claims.csv", bytes: claims.bytes, rows: claims.rows),
      ReportFile(name: "daily.csv", bytes: daily.bytes, rows: daily.rows),
      ReportFile(
        name: "compare.csv", bytes: Report.csv(compare, options: csv, hxl: options.hxl), rows: compare.count),
      ReportFile(name: "findings.csv", bytes: findings.bytes, rows: findings.rows),
      ReportFile(
        name: "summary.txt", bytes: Array(Brief.text(reconciliation, from: options.from, to: options.to).utf8),
        rows: nil),
      ReportFile(
        name: "chart.svg", bytes: Array(Chart.svg(reconciliation, from: options.from, to: options.to).utf8),
        rows: nil),
    ]
  }

  /// Writes every file into `folder` all or nothing (see ``ReportWriter``).
  ///
  /// - Throws: ``ReportError`` naming the folder; no report file is changed then.
  public func write(to folder: String) throws(ReportError) {
    try ReportWriter.write(files, to: folder)
  }

  /// The line `tally report` prints, for example
  /// `wrote reports: claims.csv (15 rows), daily.csv (40 rows), compare.csv (12 rows), findings.csv (9 rows), summary.txt, chart.svg`.
  public func summary(folder: String) -> String {
    "wrote \(folder): "
      + files.map { file in
        guard let rows = file.rows else { return file.name }
        return "\(file.name) (\(rows) row\(rows == 1 ? "" : "s"))"
      }.joined(separator: ", ")
  }
}
