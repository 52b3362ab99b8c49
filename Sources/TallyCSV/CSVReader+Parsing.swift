import CLibCSV

/// libcsv's field callback: `context` is an unretained ``ParserState``.
private let onField:
  @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    field, length, context in
    guard let context else { return }
    let state = Unmanaged<ParserState>.fromOpaque(context).takeUnretainedValue()
    state.addField(UnsafeRawBufferPointer(start: field, count: length))
  }

/// libcsv's record callback: `context` is an unretained ``ParserState``.
private let onRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
  guard let context else { return }
  let state = Unmanaged<ParserState>.fromOpaque(context).takeUnretainedValue()
  state.endRecord()
}

/// The mutable side of a ``CSVReader``: what libcsv's callbacks write into, plus line tracking.
///
/// Line numbers: the input is handed to `csv_parse` in segments that end at each CR or LF (or
/// after 64 KB). libcsv ends a record only on an unquoted CR or LF, so a record callback can only
/// happen on the last byte of a segment, and between records libcsv skips blanks, CR and LF.
/// So the first other byte seen while between records is where the next record starts, and
/// every byte of a segment lies on the same line.
final class ParserState {
  let options: CSVReaderOptions
  /// Fields of the record being read.
  private var fields: [String] = []
  /// Records completed and not yet returned.
  private var records: [CSVRecord] = []
  /// The line of the segment being parsed: 1 + the line feeds before it.
  private var line = 1
  /// The line where the record being read started, or `nil` between records.
  private var recordLine: Int?
  /// The first error, sticky.
  private var failure: CSVError?
  /// Bytes of a possible byte order mark held back at the start of the input.
  private var pendingMark: [UInt8] = []
  /// Whether the start of the input has been checked for a byte order mark.
  private var checkedMark = false

  init(options: CSVReaderOptions) {
    self.options = options
    self.checkedMark = !options.skipsByteOrderMark
  }

  func takeRecords() -> [CSVRecord] {
    let taken = records
    records = []
    return taken
  }

  // MARK: Feeding

  func feed(_ bytes: UnsafeRawBufferPointer, parser: UnsafeMutablePointer<csv_parser>)
    throws(CSVError)
  {
    if let failure { throw failure }
    var bytes = bytes
    if !checkedMark {
      // Hold back up to three bytes until we know whether they are a byte order mark.
      while !bytes.isEmpty && pendingMark.count < 3 {
        guard bytes[0] == ASCII.byteOrderMark[pendingMark.count] else { break }
        pendingMark.append(bytes[0])
        bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
      }
      if pendingMark.count == 3 {
        pendingMark = []
        checkedMark = true
      } else if !bytes.isEmpty {
        // A mismatch: what was held back is ordinary input.
        checkedMark = true
        let held = pendingMark
        pendingMark = []
        try parse(held, parser: parser)
      } else {
        return
      }
    }
    try parse(bytes, parser: parser)
  }

  func finish(parser: UnsafeMutablePointer<csv_parser>) throws(CSVError) {
    if let failure { throw failure }
    if !pendingMark.isEmpty {
      let held = pendingMark
      pendingMark = []
      try parse(held, parser: parser)
    }
    let context = Unmanaged.passUnretained(self).toOpaque()
    if csv_fini(parser, onField, onRecord, context) != 0 {
      fail(
        .malformed(
          line: recordLine ?? line,
          reason: "unclosed quote; add the closing quote or remove the stray one"))
    }
    if let failure { throw failure }
    // csv_fini reset libcsv; start over for a new input.
    line = 1
    recordLine = nil
    checkedMark = !options.skipsByteOrderMark
  }

  private func parse(
    _ bytes: [UInt8], parser: UnsafeMutablePointer<csv_parser>
  ) throws(CSVError) {
    try bytes.withUnsafeBytes { bytes in
      Result { () throws(CSVError) in try parse(bytes, parser: parser) }
    }.get()
  }

  private func parse(
    _ bytes: UnsafeRawBufferPointer, parser: UnsafeMutablePointer<csv_parser>
  ) throws(CSVError) {
    guard let base = bytes.baseAddress else { return }
    let context = Unmanaged.passUnretained(self).toOpaque()
    let count = bytes.count
    var start = 0
    while start < count {
      // The segment: up to and including the next CR or LF, at most 64 KB.
      let limit = Swift.min(count, start + POSIX.blockSize)
      var end = start
      var endsWithLineFeed = false
      var startsRecord = false
      while end < limit {
        let byte = bytes[end]
        end += 1
        if byte == ASCII.lineFeed {
          endsWithLineFeed = true
          break
        }
        if byte == ASCII.carriageReturn { break }
        if byte != ASCII.space && byte != ASCII.tab { startsRecord = true }
      }
      if startsRecord && recordLine == nil { recordLine = line }
      let length = end - start
      let consumed = csv_parse(parser, base + start, length, onField, onRecord, context)
      if consumed != length { failParse(parser: parser, offending: bytes[start + consumed]) }
      if failure == nil { checkFieldSize(parser: parser) }
      if let failure { throw failure }
      if endsWithLineFeed { line += 1 }
      start = end
    }
  }

  // MARK: Callbacks

  func addField(_ field: UnsafeRawBufferPointer) {
    guard failure == nil else { return }
    guard field.count <= options.maxFieldBytes else {
      fail(.fieldTooLarge(line: recordLine ?? line, limit: options.maxFieldBytes))
      return
    }
    var field = field
    if options.stripsFormulaGuard && field.count >= 2 && field[0] == ASCII.apostrophe
      && ASCII.startsFormula(field[1])
    {
      field = UnsafeRawBufferPointer(rebasing: field.dropFirst())
    }
    guard let text = Self.validatedString(field) else {
      fail(.invalidUTF8(line: recordLine ?? line))
      return
    }
    fields.append(text)
  }

  /// The field as a string, or `nil` if it is not valid UTF-8.
  ///
  /// `String(decoding:)` replaces invalid sequences with U+FFFD; the field is valid exactly when
  /// nothing was replaced, that is when the string has the same bytes. This takes the standard
  /// library's specialised decoding path; `String(validating:)` runs unspecialised generic code,
  /// which cost about a fifth of the reading time in a profile. ASCII fields skip the comparison.
  static func validatedString(_ field: UnsafeRawBufferPointer) -> String? {
    let bytes = field.assumingMemoryBound(to: UInt8.self)
    var isASCII = true
    for byte in bytes where byte >= 0x80 {
      isASCII = false
      break
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if isASCII { return text }
    var copy = text
    return copy.withUTF8 { decoded in
      decoded.count == bytes.count && decoded.elementsEqual(bytes)
    } ? text : nil
  }

  func endRecord() {
    guard failure == nil else { return }
    let count = fields.count
    records.append(CSVRecord(fields: fields, line: recordLine ?? line))
    fields = []
    fields.reserveCapacity(count)
    recordLine = nil
  }

  // MARK: Errors

  private func fail(_ error: CSVError) {
    if failure == nil { failure = error }
  }

  /// Names the strict-mode error libcsv stopped at; `offending` is the byte it rejected.
  private func failParse(parser: UnsafeMutablePointer<csv_parser>, offending: UInt8) {
    let code = csv_error(parser)
    guard code == CSV_EPARSE else {
      let message = csv_strerror(code).map { String(cString: $0) } ?? "error \(code)"
      fail(.malformed(line: line, reason: "libcsv failed: \(message); the input may be too large"))
      return
    }
    // In strict mode libcsv rejects a quote inside an unquoted field (a"b), and anything but a
    // delimiter, line break or blank after the closing quote of a quoted field ("a"b, "a" "b).
    if parser.pointee.quoted == 0 {
      fail(
        .malformed(
          line: line,
          reason: "stray quote in an unquoted field; quote the whole field and double the quote "
            + "(\"a\"\"b\")"))
    } else {
      let what = offending == ASCII.quote ? "a quote" : "text"
      fail(
        .malformed(
          line: line,
          reason: "\(what) after the closing quote of a quoted field; double quotes inside a "
            + "quoted field (\"a\"\"b\")"))
    }
  }

  /// Fails early when libcsv is buffering a field longer than the cap, so that a runaway quoted
  /// field costs at most the cap plus one segment of memory.
  ///
  /// `entry_pos` (public in csv.h) is the length of the field buffered so far; it may include
  /// a closing quote and trailing blanks (`spaces`) that libcsv removes when the field ends.
  private func checkFieldSize(parser: UnsafeMutablePointer<csv_parser>) {
    let buffered = parser.pointee.entry_pos
    if buffered > options.maxFieldBytes + 1 + parser.pointee.spaces {
      fail(.fieldTooLarge(line: recordLine ?? line, limit: options.maxFieldBytes))
    }
  }
}
