import CLibCSV

/// How a ``CSVReader`` treats its input.
///
/// For example, to read back a file written by ``CSVWriter`` with its formula guard:
///
/// ```swift
/// var options = CSVReaderOptions()
/// options.stripsFormulaGuard = true
/// ```
public struct CSVReaderOptions: Sendable, Hashable {
  /// The longest field accepted, in bytes (1 MiB by default).
  ///
  /// A stray quote makes libcsv read the rest of the input as one field; the cap turns that into
  /// ``CSVError/fieldTooLarge(line:limit:)`` after about `maxFieldBytes` + 64 KB of input, with
  /// bounded memory.
  public var maxFieldBytes: Int = 1 << 20
  /// Whether to undo ``CSVWriterOptions/guardsFormulas``: a field that starts with `'` followed by
  /// `=`, `+`, `-`, `@`, tab, carriage return or `'` loses that first `'`.
  public var stripsFormulaGuard: Bool = false
  /// Whether to drop a UTF-8 byte order mark at the very start of the input.
  public var skipsByteOrderMark: Bool = true

  /// The default options: 1 MiB field cap, formula guard kept, byte order mark skipped.
  ///
  /// For example, `CSVReader(options: CSVReaderOptions())` is the same as `CSVReader()`.
  public init() {}

  /// Options with every setting given.
  ///
  /// For example, `CSVReaderOptions(stripsFormulaGuard: true)`.
  public init(
    maxFieldBytes: Int = 1 << 20, stripsFormulaGuard: Bool = false, skipsByteOrderMark: Bool = true
  ) {
    self.maxFieldBytes = maxFieldBytes
    self.stripsFormulaGuard = stripsFormulaGuard
    self.skipsByteOrderMark = skipsByteOrderMark
  }
}

/// Reads CSV incrementally: feed it chunks of bytes, get back the records they complete.
///
/// Parsing is done by libcsv in strict mode, so a stray quote is an error, not guessed at.
/// Fields must be valid UTF-8. Empty lines are skipped, and blanks around unquoted fields are
/// trimmed (libcsv behaviour; ``CSVWriter`` quotes such fields). Line numbers count line feeds,
/// including those inside quoted fields. For example:
///
/// ```swift
/// var reader = CSVReader()
/// var records = try reader.feed(Array("a,b\n\"multi\nline\",c\n".utf8))
/// records += try reader.finish()
/// // [CSVRecord(fields: ["a", "b"], line: 1), CSVRecord(fields: ["multi\nline", "c"], line: 2)]
/// ```
///
/// After an error the reader stays failed: every later call throws the same error. After a
/// successful ``finish()`` it is ready for a new input, starting again at line 1.
///
/// The reader owns a libcsv parser, so it cannot be copied; pass it `inout` to helpers.
public struct CSVReader: ~Copyable {
  /// The options this reader was created with.
  public let options: CSVReaderOptions
  let parser: UnsafeMutablePointer<csv_parser>
  let state: ParserState

  /// Creates a reader.
  ///
  /// For example, `var reader = CSVReader(options: .init(stripsFormulaGuard: true))`.
  public init(options: CSVReaderOptions = .init()) {
    self.options = options
    self.parser = .allocate(capacity: 1)
    self.parser.initialize(to: csv_parser())
    csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
    self.state = ParserState(options: options)
  }

  deinit {
    csv_free(parser)
    parser.deinitialize(count: 1)
    parser.deallocate()
  }

  /// Parses the next chunk of input and returns the records it completes.
  ///
  /// A chunk may end anywhere, even inside a field or a multi-byte character. For example,
  /// `try reader.feed(chunk)` for each 64 KB read from a pipe.
  ///
  /// - Throws: ``CSVError/malformed(line:reason:)``, ``CSVError/fieldTooLarge(line:limit:)`` or
  ///   ``CSVError/invalidUTF8(line:)``.
  public mutating func feed(_ bytes: some Collection<UInt8>) throws(CSVError) -> [CSVRecord] {
    let state = self.state
    let parser = self.parser
    let result: Result<Void, CSVError>? = bytes.withContiguousStorageIfAvailable { buffer in
      Result { () throws(CSVError) in try state.feed(UnsafeRawBufferPointer(buffer), parser: parser)
      }
    }
    if let result {
      try result.get()
    } else {
      try Array(bytes).withUnsafeBytes { buffer in
        Result { () throws(CSVError) in try state.feed(buffer, parser: parser) }
      }.get()
    }
    return state.takeRecords()
  }

  /// Parses the next chunk of input, given as raw memory, and returns the records it completes.
  ///
  /// For example, `try reader.feed(UnsafeRawBufferPointer(start: block, count: count))`.
  ///
  /// - Throws: ``CSVError/malformed(line:reason:)``, ``CSVError/fieldTooLarge(line:limit:)`` or
  ///   ``CSVError/invalidUTF8(line:)``.
  public mutating func feed(_ bytes: UnsafeRawBufferPointer) throws(CSVError) -> [CSVRecord] {
    try state.feed(bytes, parser: parser)
    return state.takeRecords()
  }

  /// Ends the input and returns the last record, if it was not ended by a line break.
  ///
  /// For example, `records += try reader.finish()`.
  ///
  /// - Throws: ``CSVError/malformed(line:reason:)`` for a quoted field that is never closed,
  ///   or the errors of ``feed(_:)``.
  public mutating func finish() throws(CSVError) -> [CSVRecord] {
    try state.finish(parser: parser)
    return state.takeRecords()
  }

  /// Reads all records from bytes in memory.
  ///
  /// For example, `try CSVReader.records(in: Array("a,b\r\n".utf8))` is
  /// `[CSVRecord(fields: ["a", "b"], line: 1)]`.
  ///
  /// - Throws: the errors of ``feed(_:)`` and ``finish()``.
  public static func records(
    in bytes: some Collection<UInt8>, options: CSVReaderOptions = .init()
  ) throws(CSVError) -> [CSVRecord] {
    var reader = CSVReader(options: options)
    var records = try reader.feed(bytes)
    records += try reader.finish()
    return records
  }

  /// Reads all records from a file, in 64 KB blocks.
  ///
  /// For example, `try CSVReader.records(atPath: "Resources/gazetteer.csv")`.
  ///
  /// - Throws: ``CSVError/cannotRead(path:reason:)``, or a parse error wrapped in
  ///   ``CSVError/inFile(path:error:)``, such as
  ///   `data.csv line 7: unclosed quote; add the closing quote or remove the stray one`.
  public static func records(
    atPath path: String, options: CSVReaderOptions = .init()
  ) throws(CSVError) -> [CSVRecord] {
    let descriptor = try POSIX.openForReading(path)
    defer { POSIX.closeQuietly(descriptor) }
    var reader = CSVReader(options: options)
    var records: [CSVRecord] = []
    let block = UnsafeMutableRawBufferPointer.allocate(byteCount: POSIX.blockSize, alignment: 1)
    defer { block.deallocate() }
    do throws(CSVError) {
      while true {
        let count = try POSIX.readChunk(descriptor, into: block, path: path)
        if count == 0 { break }
        records += try reader.feed(UnsafeRawBufferPointer(rebasing: block[..<count]))
      }
      records += try reader.finish()
    } catch {
      throw error.located(in: path)
    }
    return records
  }
}
