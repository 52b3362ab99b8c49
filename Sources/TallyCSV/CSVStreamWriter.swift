/// Streams CSV to an open file descriptor, standard output by default, in blocks of about 64 KB.
///
/// It does not own the descriptor and never closes it. Call ``flush()`` at the end: bytes
/// still buffered when the writer is dropped are not written. For example, for
/// `tally extract --format csv`:
///
/// ```swift
/// var output = CSVStreamWriter()
/// try output.writeHeader(["party", "killed"])
/// for claim in claims { try output.writeRow([.optional(claim.party), .integer(claim.value)]) }
/// try output.flush()
/// ```
///
/// Writing to a closed pipe raises `SIGPIPE`, which ends the process unless the command
/// ignores that signal; with it ignored, the write fails with ``CSVError/cannotWrite(path:reason:)``.
public struct CSVStreamWriter: ~Copyable {
  /// The descriptor written to.
  public let fileDescriptor: Int32
  /// The name used in error messages, for example `standard output`.
  public let name: String
  private var writer: CSVWriter
  /// The number of bytes written to the descriptor so far.
  public private(set) var writtenByteCount = 0

  /// Creates a writer for `fileDescriptor`.
  ///
  /// For example, `CSVStreamWriter(fileDescriptor: 2, name: "standard error")`.
  public init(
    fileDescriptor: Int32 = 1, name: String = "standard output", options: CSVWriterOptions = .init()
  ) {
    self.fileDescriptor = fileDescriptor
    self.name = name
    self.writer = CSVWriter(options: options)
  }

  /// Appends a record, writing to the descriptor whenever 64 KB have accumulated.
  ///
  /// For example, `try output.writeRow(["Ganja", 3])`.
  ///
  /// - Throws: ``CSVError/cannotWrite(path:reason:)`` naming ``name`` when the write fails.
  public mutating func writeRow(_ cells: [CSVCell]) throws(CSVError) {
    writer.writeRow(cells)
    if writer.bufferedByteCount >= POSIX.blockSize { try flush() }
  }

  /// Appends a header record (each name a text cell).
  ///
  /// For example, `try output.writeHeader(["party", "killed"])`.
  ///
  /// - Throws: ``CSVError/cannotWrite(path:reason:)`` naming ``name`` when the write fails.
  public mutating func writeHeader(_ names: [String]) throws(CSVError) {
    writer.writeHeader(names)
    if writer.bufferedByteCount >= POSIX.blockSize { try flush() }
  }

  /// Writes everything buffered so far.
  ///
  /// For example, `try output.flush()` after the last row.
  ///
  /// - Throws: ``CSVError/cannotWrite(path:reason:)`` naming ``name`` when the write fails.
  public mutating func flush() throws(CSVError) {
    let descriptor = fileDescriptor
    let name = self.name
    var written = 0
    try writer.drain { bytes throws(CSVError) in
      try POSIX.writeAll(bytes, to: descriptor, name: name)
      written = bytes.count
    }
    writtenByteCount += written
  }
}
