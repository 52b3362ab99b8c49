public import Foundation

/// Why an analyst's CSV of figures was not imported. Nothing of the file is imported then.
///
/// For example, a file with a misspelt category on line 3:
///
/// ```
/// figures.csv: 1 bad row, nothing imported; fix it and import the file again:
/// line 3: category `kiled` is not one of killed, wounded, casualties, missing, captured, displaced, population, destroyed, seized
/// ```
public enum ImportError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
  /// The file cannot be read.
  case cannotRead(path: String, reason: String)
  /// The file is not well-formed CSV, or its header is not the columns of `tally extract --format csv`.
  case malformed(path: String, reason: String)
  /// The file is larger than the limit in bytes (`--max-file-mb`).
  case tooLarge(path: String, limit: Int)
  /// A field is longer than the limit in bytes (`--max-field-kb`); `line` is where its record starts.
  case fieldTooLarge(path: String, line: Int, limit: Int)
  /// Rows that break the rules, each with its line number and reason, in file order.
  case badRows(path: String, rows: [BadRow])

  /// One rejected row.
  public struct BadRow: Sendable, Hashable {
    /// The 1-based line the row starts on.
    public var line: Int
    /// What is wrong, e.g. ``value `12.5` is not a whole number``; several problems are joined by `; `.
    public var reason: String

    /// Creates a bad row.
    public init(line: Int, reason: String) {
      self.line = line
      self.reason = reason
    }
  }

  /// The first line is the summary; for ``badRows(path:rows:)`` one line per row follows.
  public var description: String {
    switch self {
    case .cannotRead(let path, let reason):
      "\(path): cannot read: \(reason); check the path"
    case .malformed(let path, let reason):
      "\(path): \(reason); nothing imported"
    case .tooLarge(let path, let limit):
      "\(path): larger than \(Self.size(limit)), nothing imported; raise the limit with --max-file-mb"
    case .fieldTooLarge(let path, let line, let limit):
      "\(path) line \(line): a field is longer than \(Self.size(limit)), nothing imported; "
        + "look for an unclosed quote, or raise the limit with --max-field-kb"
    case .badRows(let path, let rows):
      "\(path): \(rows.count) bad row\(rows.count == 1 ? "" : "s"), nothing imported; "
        + "fix \(rows.count == 1 ? "it" : "them") and import the file again:"
        + rows.map { "\nline \($0.line): \($0.reason)" }.joined()
    }
  }

  public var errorDescription: String? { description }

  /// `512 MB`, `64 KB`, or `100 bytes` when the limit is not a whole number of either.
  static func size(_ bytes: Int) -> String {
    if bytes > 0 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MB" }
    if bytes > 0 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KB" }
    return "\(bytes) byte\(bytes == 1 ? "" : "s")"
  }
}

/// What an import added to the ledger.
public struct ImportOutcome: Sendable, Hashable {
  /// The rows of the file, every one now in the ledger (re-importing the same file counts them again).
  public var figures: Int
  /// Claims the ledger did not have before.
  public var newClaims: Int
  /// Documents created for the rows' `document` values.
  public var newDocuments: Int

  /// Creates an outcome.
  public init(figures: Int, newClaims: Int, newDocuments: Int) {
    self.figures = figures
    self.newClaims = newClaims
    self.newDocuments = newDocuments
  }
}

extension ImportOutcome {
  /// The line `tally import` prints, e.g. `imported 3 figures from manual.csv (2 new claims)`.
  public func line(file: String) -> String {
    "imported \(figures) figure\(figures == 1 ? "" : "s") from \(file) "
      + "(\(newClaims) new claim\(newClaims == 1 ? "" : "s"))"
  }
}
