/// The column names a CSV input must start with.
///
/// For example:
///
/// ```swift
/// let header = CSVHeader(expected: ["name", "party", "kind"])
/// let records = try CSVReader.records(in: bytes)
/// try header.validate(records.first)  // line 1: expected header `name,party,kind`, found `name,kind`
/// ```
public struct CSVHeader: Sendable, Hashable {
  /// The expected column names, in order.
  public var expected: [String]

  /// Creates a header check.
  ///
  /// For example, `CSVHeader(expected: ["a", "b", "c"])`.
  public init(expected: [String]) {
    self.expected = expected
  }

  /// Checks that `record` holds exactly the expected names, in order.
  ///
  /// For example, `try CSVHeader(expected: ["a", "b"]).validate(CSVRecord(fields: ["a", "b"], line: 1))`
  /// passes.
  ///
  /// - Throws: ``CSVError/unexpectedHeader(line:expected:found:)``.
  public func validate(_ record: CSVRecord) throws(CSVError) {
    guard record.fields == expected else {
      throw .unexpectedHeader(line: record.line, expected: expected, found: record.fields)
    }
  }

  /// Checks the first record of an input, which is `nil` when the input is empty.
  ///
  /// For example, `try header.validate(records.first)`.
  ///
  /// - Throws: ``CSVError/unexpectedHeader(line:expected:found:)``; for an empty input,
  ///   with line 1 and no fields found.
  public func validate(_ record: CSVRecord?) throws(CSVError) {
    guard let record else {
      throw .unexpectedHeader(line: 1, expected: expected, found: [])
    }
    try validate(record)
  }
}
