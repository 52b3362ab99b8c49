/// How a ``CSVWriter`` lays out its output.
///
/// The defaults follow RFC 4180 and the OWASP advice on CSV injection. For example, for a
/// file that Excel users open by double-clicking:
///
/// ```swift
/// var options = CSVWriterOptions()
/// options.byteOrderMark = true
/// ```
public struct CSVWriterOptions: Sendable, Hashable {
  /// What ends each record: `"\r\n"` (RFC 4180, the default) or `"\n"`.
  public var lineEnding: String = "\r\n"
  /// Whether to start the output with a UTF-8 byte order mark (`EF BB BF`), which makes Excel
  /// read the file as UTF-8. It is written once, before the first row.
  public var byteOrderMark: Bool = false
  /// Whether to defuse text that a spreadsheet would run as a formula.
  ///
  /// A ``CSVCell/text(_:)`` cell that starts with `=`, `+`, `-`, `@`, tab or carriage return
  /// is written with a leading apostrophe (`=SUM(A1)` becomes `'=SUM(A1)`). Text that already
  /// starts with `'` gets one more, so ``CSVReaderOptions/stripsFormulaGuard`` restores every
  /// string exactly. Integers are never guarded: `.integer(-14)` is written `-14`.
  public var guardsFormulas: Bool = true

  /// The default options: CRLF line endings, no byte order mark, formula guard on.
  ///
  /// For example, `CSVWriter(options: CSVWriterOptions())` is the same as `CSVWriter()`.
  public init() {}

  /// Options with every setting given.
  ///
  /// For example, `CSVWriterOptions(lineEnding: "\n", byteOrderMark: false, guardsFormulas: true)`.
  public init(lineEnding: String = "\r\n", byteOrderMark: Bool = false, guardsFormulas: Bool = true)
  {
    self.lineEnding = lineEnding
    self.byteOrderMark = byteOrderMark
    self.guardsFormulas = guardsFormulas
  }
}

/// Encodes rows of cells as CSV bytes into an in-memory buffer that the caller drains.
///
/// A field is quoted only when it must be: when it contains `,`, `"`, CR or LF, starts or ends
/// with a space or tab, or is the only field of its record and empty (libcsv would otherwise
/// skip the line or trim the blanks). The quoting itself is done by libcsv's `csv_write`.
/// For example:
///
/// ```swift
/// var writer = CSVWriter()
/// writer.writeHeader(["party", "killed", "note"])
/// writer.writeRow(["Armenia", 209, "says \"at least\""])
/// let bytes = writer.takeBytes()
/// // party,killed,note\r\nArmenia,209,"says ""at least"""\r\n
/// ```
///
/// To write a file, use ``CSVFileWriter``; to stream to standard output, ``CSVStreamWriter``.
public struct CSVWriter: Sendable {
  /// The options this writer was created with.
  public let options: CSVWriterOptions
  /// The storage: the first ``count`` bytes are the encoded output, the rest room for more
  /// (records are encoded straight into it, through one pointer each).
  var buffer: [UInt8] = []
  /// The number of encoded bytes in ``buffer``.
  var count = 0
  let lineEndingBytes: [UInt8]
  var startedOutput = false

  /// Creates a writer with an empty buffer.
  ///
  /// For example, `var writer = CSVWriter(options: .init(lineEnding: "\n"))`.
  public init(options: CSVWriterOptions = .init()) {
    self.options = options
    self.lineEndingBytes = Array(options.lineEnding.utf8)
    buffer = Array(repeating: 0, count: 1 << 16)
  }

  /// The number of encoded bytes waiting in the buffer.
  ///
  /// For example, after `writer.writeRow(["a", 1])` with the default options it is `5` (`a,1\r\n`).
  public var bufferedByteCount: Int { count }

  /// Encodes one record and appends it to the buffer.
  ///
  /// For example, `writer.writeRow(["=SUM(A1)", .integer(-14), .empty])` appends
  /// `'=SUM(A1),-14,\r\n`. An empty array appends a bare line ending, which readers skip.
  ///
  /// - Complexity: O(n) in the number of encoded bytes.
  public mutating func writeRow(_ cells: [CSVCell]) {
    beginOutputIfNeeded()
    var room = lineEndingBytes.count + cells.count
    for cell in cells { room += Self.maximumEncodedCount(cell) }
    makeRoom(room)
    let (start, guards, lineEnding) = (count, options.guardsFormulas, lineEndingBytes)
    count = buffer.withUnsafeMutableBytes { out in
      Self.encode(cells, guardsFormulas: guards, lineEnding: lineEnding, into: out.baseAddress!, at: start)
    }
  }

  /// Encodes a header record: each name is a text cell.
  ///
  /// For example, `writer.writeHeader(["party", "killed"])` appends `party,killed\r\n`.
  /// Names go through the same quoting and formula guard as any text.
  public mutating func writeHeader(_ names: [String]) {
    writeRow(names.map(CSVCell.text))
  }

  /// Makes room for at least `byteCount` encoded bytes in the buffer, so that a large output
  /// whose size is known roughly grows once rather than by repeated doubling and copying.
  ///
  /// For example, `writer.reserveCapacity(150 << 20)` before writing a million rows.
  public mutating func reserveCapacity(_ byteCount: Int) {
    makeRoom(byteCount - count)
  }

  /// Returns the bytes encoded so far and empties the buffer.
  ///
  /// For example, `FileHandle.standardOutput.write(Data(writer.takeBytes()))`.
  /// The byte order mark, if enabled, is part of the first bytes taken after the first row.
  public mutating func takeBytes() -> [UInt8] {
    let bytes = Array(buffer[..<count])
    count = 0
    return bytes
  }

  /// Encodes a whole table at once.
  ///
  /// For example, `CSVWriter.encode(rows: [["a", 1], ["b", 2]])` is the bytes of
  /// `a,1\r\nb,2\r\n`.
  public static func encode(rows: [[CSVCell]], options: CSVWriterOptions = .init()) -> [UInt8] {
    var writer = CSVWriter(options: options)
    for row in rows { writer.writeRow(row) }
    return writer.takeBytes()
  }

  /// Hands the buffered bytes to `body`, then empties the buffer and keeps its capacity.
  mutating func drain<E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
    defer { count = 0 }
    // The closure cannot throw a typed error through withUnsafeBytes, so carry it out.
    var failure: E?
    let used = count
    buffer.withUnsafeBytes { bytes in
      do throws(E) { try body(UnsafeRawBufferPointer(rebasing: bytes[..<used])) } catch { failure = error }
    }
    if let failure { throw failure }
  }
}
