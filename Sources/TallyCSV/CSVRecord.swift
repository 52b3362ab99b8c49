/// One record read from CSV: its fields and the line it starts on.
///
/// For example, reading `a,"b\nc"\nd\n` gives `CSVRecord(fields: ["a", "b\nc"], line: 1)` and
/// `CSVRecord(fields: ["d"], line: 3)`.
public struct CSVRecord: Sendable, Hashable {
  /// The fields, in order. Unquoted fields have their leading and trailing blanks removed.
  public var fields: [String]
  /// The 1-based line number where the record starts (lines are counted by line feeds).
  public var line: Int

  /// Creates a record.
  ///
  /// For example, `CSVRecord(fields: ["a", "b"], line: 1)`.
  public init(fields: [String], line: Int) {
    self.fields = fields
    self.line = line
  }
}
