public import TallyCSV
import TallyExtractor

/// A row of one of tally's reports, writable as CSV, JSON and text.
///
/// `ClaimRow`, `DailyRow`, `CompareRow` and `Finding` conform; ``Report`` writes arrays of them.
/// The CSV and JSON keys are ``columns``, in that order; unknown values are empty cells in CSV and
/// `null` in JSON.
public protocol ReportRow {
  /// The column names, in order.
  static var columns: [String] { get }
  /// The HXL hashtag of each column, in the order of ``columns``, for the row that `--hxl` writes
  /// under the header (for example `#date+occurred` for `as_of`).
  static var hxlTags: [String] { get }
  /// The row as CSV cells, in the order of ``columns``.
  var csvCells: [CSVCell] { get }
  /// The row as one JSON object with the keys of ``columns`` in order.
  var json: String { get }
  /// The rows as the text of `--format text`.
  static func text(_ rows: [Self]) -> String
}

/// The output formats of the reports.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
  /// RFC 4180 CSV with a header, CRLF line ends, through `CSVWriter`.
  case csv
  /// One JSON array of objects, one per row.
  case json
  /// A readable table or list.
  case text
}

/// Writes report rows in each format.
///
/// For example, for `tally daily --format csv`:
///
/// ```swift
/// let rows = Reconciliation(claims: claims).daily()
/// FileHandle.standardOutput.write(Data(Report.render(rows, as: .csv)))
/// ```
public enum Report {
  /// The rows in `format`, as UTF-8 bytes.
  ///
  /// - Parameters:
  ///   - rows: The rows, in order.
  ///   - format: The format.
  /// - Returns: The bytes to write.
  public static func render<Row: ReportRow>(_ rows: [Row], as format: ReportFormat) -> [UInt8] {
    switch format {
    case .csv: csv(rows)
    case .json: Array(json(rows).utf8)
    case .text: Array(Row.text(rows).utf8)
    }
  }

  /// The rows whose size estimates the size of a large CSV output.
  static let sampleRows = 1024

  /// The header and the rows as CSV bytes (the header alone when there are no rows).
  ///
  /// For example, two daily rows give `date,party,…\r\n2020-09-27,Armenia,…\r\n2020-09-28,…\r\n`;
  /// with `hxl` the second line is `#date,#group+party,…`.
  ///
  /// - Parameters:
  ///   - rows: The rows, in order.
  ///   - options: The writer's options; RFC 4180 with CRLF by default.
  ///   - hxl: Whether to write the row of HXL hashtags (``ReportRow/hxlTags``) under the header.
  /// - Returns: The bytes to write.
  public static func csv<Row: ReportRow>(_ rows: [Row], options: CSVWriterOptions = .init(), hxl: Bool = false)
    -> [UInt8]
  {
    var writer = CSVWriter(options: options)
    writer.writeHeader(Row.columns)
    if hxl { writer.writeHeader(Row.hxlTags) }
    for (index, row) in rows.enumerated() {
      writer.writeRow(row.csvCells)
      // Past the first rows, the size of the whole output is known roughly: reserve it (and a
      // quarter more) once, instead of doubling the buffer and copying it some twenty times.
      if index == Report.sampleRows - 1 && rows.count > 4 * Report.sampleRows {
        let estimate = writer.bufferedByteCount / Report.sampleRows * rows.count
        writer.reserveCapacity(estimate + estimate / 4)
      }
    }
    return writer.takeBytes()
  }

  /// The header and the rows that `produce` hands over, as ``csv(_:options:hxl:)`` writes them,
  /// streamed to `output` in blocks as they come, so that a large report is never held whole.
  /// Nothing is flushed at the end: that is the caller's to do.
  ///
  /// For example, `try Report.writeCSV(Finding.self, to: &output) { reconciliation.forEachFinding($0) }`.
  ///
  /// - Returns: The number of rows.
  /// - Throws: ``CSVError/cannotWrite(path:reason:)`` from the first write that fails; the rows
  ///   after it are not written.
  @discardableResult
  public static func writeCSV<Row: ReportRow>(
    _ type: Row.Type, to output: inout CSVStreamWriter, hxl: Bool = false, rows produce: ((Row) -> Void) -> Void
  ) throws(CSVError) -> Int {
    try output.writeHeader(Row.columns)
    if hxl { try output.writeHeader(Row.hxlTags) }
    var failure: CSVError?
    var count = 0
    produce { row in
      guard failure == nil else { return }
      do throws(CSVError) {
        try output.writeRow(row.csvCells)
        count += 1
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return count
  }

  /// The rows as one JSON array, one object per line: `[\n  {…},\n  {…}\n]\n`, or `[]\n`.
  ///
  /// - Parameter rows: The rows, in order.
  /// - Returns: The JSON text.
  public static func json<Row: ReportRow>(_ rows: [Row]) -> String {
    guard !rows.isEmpty else { return "[]\n" }
    var out = "[\n  "
    for (index, row) in rows.enumerated() {
      if index > 0 { out += ",\n  " }
      out += row.json
    }
    return out + "\n]\n"
  }

  /// A text table of `rows` with a closing count line such as `3 rows`.
  static func table(header: [String], rows: [[String]], noun: String, plural: String) -> String {
    var table = TextTable(header: header)
    table.rows = rows
    return table.rendered() + "\(rows.count) \(rows.count == 1 ? noun : plural)\n"
  }
}

/// Builds one JSON object with keys in a fixed order.
struct JSONObject {
  private var text = "{"

  mutating func add(_ key: String, _ value: String?) {
    append(key, value.map(JSON.quoted) ?? "null")
  }

  mutating func add(_ key: String, _ value: Int64?) {
    append(key, value.map { String($0) } ?? "null")
  }

  mutating func add(_ key: String, _ value: Int) {
    append(key, String(value))
  }

  mutating func add(_ key: String, _ value: Bool) {
    append(key, value ? "true" : "false")
  }

  mutating func add(_ key: String, _ values: [String]) {
    append(key, "[" + values.map(JSON.quoted).joined(separator: ",") + "]")
  }

  /// A value already written as JSON (a number such as `1.52`), or `null`.
  mutating func add(_ key: String, raw: String?) {
    append(key, raw ?? "null")
  }

  private mutating func append(_ key: String, _ value: String) {
    if text.utf8.count > 1 { text += "," }
    text += JSON.quoted(key) + ":" + value
  }

  var rendered: String { text + "}" }
}

extension Optional where Wrapped == Int64 {
  /// The number as text, or the empty string.
  var text: String { map { String($0) } ?? "" }
}
