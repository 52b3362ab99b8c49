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

/// One file of a report, rendered while it is written, so that no report is ever held whole.
///
/// For example, a CSV of one row and a text file:
///
/// ```swift
/// let files = [
///   ReportFile(name: "one.csv", csv: CSVWriterOptions()) { output throws(CSVError) in
///     try output.writeHeader(["n"])
///     try output.writeRow([.integer(1)])
///     return 1
///   },
///   ReportFile(name: "two.txt") { "2\n" },
/// ]
/// try ReportWriter.write(files, to: "reports")
/// ```
public struct ReportFile {
  /// What a file holds, and how it is rendered.
  public enum Content {
    /// CSV streamed to the file in blocks of about 64 KB by the closure, which returns the number
    /// of data rows (header and HXL rows not counted).
    case csv(CSVWriterOptions, (inout CSVStreamWriter) throws(CSVError) -> Int)
    /// Text, rendered when the file is written: the closure hands it over to `write` in pieces.
    case text((_ write: (String) -> Void) -> Void)
  }

  /// The file name inside the output folder, for example `claims.csv`.
  public var name: String
  /// The file's content.
  public var content: Content

  /// A CSV file whose rows `write` streams to the file; it returns the number of data rows.
  public init(name: String, csv options: CSVWriterOptions, write: @escaping (inout CSVStreamWriter) throws(CSVError) -> Int) {
    self.name = name
    self.content = .csv(options, write)
  }

  /// A text file, rendered by `text` when it is written.
  public init(name: String, text: @escaping () -> String) {
    self.name = name
    self.content = .text { write in write(text()) }
  }

  /// A text file whose text `render` hands to `write` in pieces as it is made.
  public init(name: String, streaming render: @escaping (_ write: (String) -> Void) -> Void) {
    self.name = name
    self.content = .text(render)
  }
}

/// What ``ReportWriter`` wrote: each file's name, and its number of data rows (`nil` for text files).
public struct WrittenReport: Sendable, Hashable {
  /// The output folder.
  public var folder: String
  /// The file names, in the order they were written.
  public var names: [String]
  /// The number of data rows of each CSV file, `nil` for the others, in the order of ``names``.
  public var rows: [Int?]

  /// Creates the record of a written report.
  public init(folder: String, names: [String], rows: [Int?]) {
    self.folder = folder
    self.names = names
    self.rows = rows
  }

  /// The line `tally report` prints, for example
  /// `wrote reports: claims.csv (15 rows), daily.csv (40 rows), compare.csv (12 rows), findings.csv (9 rows), summary.txt, chart.svg`.
  public var summary: String {
    "wrote \(folder): "
      + zip(names, rows).map { name, rows in
        guard let rows else { return name }
        return "\(name) (\(rows) row\(rows == 1 ? "" : "s"))"
      }.joined(separator: ", ")
  }
}

/// The six files of `tally report`, rendered from one reconciliation as they are written.
///
/// `claims.csv`, `compare.csv` and `findings.csv` are always complete; `--from` and `--to`
/// (``ReportOptions/from`` and ``ReportOptions/to``) limit `daily.csv`, `summary.txt` and
/// `chart.svg`. Each CSV is streamed to its file in blocks, so the memory a report needs is that
/// of the reconciliation, whatever the size of the files. For example:
///
/// ```swift
/// let report = ReportSet(Reconciliation(table: try ledger.claimTable(details: true)))
/// let written = try report.write(to: "reports")
/// print(written.summary)
/// ```
public struct ReportSet {
  /// The file names, in the order they are written.
  public static let fileNames = [
    "claims.csv", "daily.csv", "compare.csv", "findings.csv", "summary.txt", "chart.svg",
  ]

  /// The files, in the order of ``fileNames``.
  public var files: [ReportFile]

  /// Prepares every file; nothing is rendered until ``write(to:)``.
  ///
  /// - Parameters:
  ///   - reconciliation: The ledger's claims, reconciled.
  ///   - options: Byte order mark, HXL row and the period of the daily tallies, brief and chart.
  public init(_ reconciliation: Reconciliation, options: ReportOptions = .init()) {
    let csv = options.csv
    let hxl = options.hxl
    let filter = DailyFilter(from: options.from, to: options.to)
    files = [
      ReportFile(name: "claims.csv", csv: csv) { output throws(CSVError) in
        try ClaimRow.writeCSV(reconciliation.table, to: &output, hxl: hxl)
      },
      ReportFile(name: "daily.csv", csv: csv) { output throws(CSVError) in
        try Report.writeCSV(DailyRow.self, to: &output, hxl: hxl) { reconciliation.forEachDailyRow(filter, $0) }
      },
      ReportFile(name: "compare.csv", csv: csv) { output throws(CSVError) in
        let rows = reconciliation.compare()
        return try Report.writeCSV(CompareRow.self, to: &output, hxl: hxl) { body in rows.forEach(body) }
      },
      ReportFile(name: "findings.csv", csv: csv) { output throws(CSVError) in
        try Report.writeCSV(Finding.self, to: &output, hxl: hxl) { reconciliation.forEachFinding($0) }
      },
      ReportFile(name: "summary.txt") { Brief.text(reconciliation, from: options.from, to: options.to) },
      ReportFile(name: "chart.svg", streaming: { write in Chart.writeSVG(reconciliation, from: options.from, to: options.to, write) }),
    ]
  }

  /// Renders and writes every file into `folder`, all or nothing (see ``ReportWriter``).
  ///
  /// - Returns: The files written and their numbers of rows.
  /// - Throws: ``ReportError`` naming the folder; no report file is changed then.
  @discardableResult
  public func write(to folder: String) throws(ReportError) -> WrittenReport {
    try ReportWriter.write(files, to: folder)
  }
}
