import CLibCSV

/// The ASCII bytes that matter to CSV.
enum ASCII {
  @inline(__always) static var tab: UInt8 { 0x09 }
  @inline(__always) static var lineFeed: UInt8 { 0x0A }
  @inline(__always) static var carriageReturn: UInt8 { 0x0D }
  @inline(__always) static var space: UInt8 { 0x20 }
  @inline(__always) static var quote: UInt8 { 0x22 }
  @inline(__always) static var apostrophe: UInt8 { 0x27 }
  @inline(__always) static var plus: UInt8 { 0x2B }
  @inline(__always) static var comma: UInt8 { 0x2C }
  @inline(__always) static var minus: UInt8 { 0x2D }
  @inline(__always) static var zero: UInt8 { 0x30 }
  @inline(__always) static var equals: UInt8 { 0x3D }
  @inline(__always) static var at: UInt8 { 0x40 }
  /// The UTF-8 byte order mark.
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Whether a text field starting with `byte` gets the formula guard `'`.
  ///
  /// `'` itself is included so that the guard can be undone without loss.
  @inline(__always)
  static func startsFormula(_ byte: UInt8) -> Bool {
    switch byte {
    case equals, plus, minus, at, tab, carriageReturn, apostrophe: true
    default: false
    }
  }

  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
}

extension CSVWriter {
  mutating func beginOutputIfNeeded() {
    guard !startedOutput else { return }
    startedOutput = true
    if options.byteOrderMark { buffer.append(contentsOf: ASCII.byteOrderMark) }
  }

  /// Appends `number` as a decimal numeral, without going through `String`.
  mutating func appendInteger(_ number: Int64) {
    if number < 0 { buffer.append(ASCII.minus) }
    var magnitude = number.magnitude
    // 20 digits hold UInt64.max.
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { raw in
      var start = raw.count
      repeat {
        start -= 1
        raw[start] = ASCII.zero + UInt8(truncatingIfNeeded: magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      buffer.append(contentsOf: raw[start...])
    }
  }

  mutating func appendText(_ text: String, isOnlyField: Bool) {
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { utf8 in
      appendText(UnsafeRawBufferPointer(utf8), isOnlyField: isOnlyField)
    }
    if done == nil {
      var contiguous = text
      contiguous.makeContiguousUTF8()
      _ = contiguous.utf8.withContiguousStorageIfAvailable { utf8 in
        appendText(UnsafeRawBufferPointer(utf8), isOnlyField: isOnlyField)
      }
    }
  }

  /// Appends one text field, guarded and quoted as needed.
  mutating func appendText(_ utf8: UnsafeRawBufferPointer, isOnlyField: Bool) {
    let guarded = options.guardsFormulas && utf8.first.map(ASCII.startsFormula) == true
    if fieldNeedsQuotes(utf8, guarded: guarded, isOnlyField: isOnlyField) {
      if guarded {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(ASCII.apostrophe)
        scratch.append(contentsOf: utf8)
        let prefixed = scratch
        prefixed.withUnsafeBytes { appendQuoted(field: $0) }
      } else {
        appendQuoted(field: utf8)
      }
    } else {
      if guarded { buffer.append(ASCII.apostrophe) }
      buffer.append(contentsOf: utf8)
    }
  }

  /// Whether libcsv would misread the field unless it is quoted.
  func fieldNeedsQuotes(_ utf8: UnsafeRawBufferPointer, guarded: Bool, isOnlyField: Bool) -> Bool {
    guard let first = utf8.first, let last = utf8.last else {
      // An empty lone field makes an empty line, which readers skip.
      return isOnlyField && !guarded
    }
    // A guarded field starts with `'`, so only its end can be blank.
    if !guarded && ASCII.isBlank(first) { return true }
    if ASCII.isBlank(last) { return true }
    // A leading byte order mark would be dropped by a reader at the start of a file.
    if !guarded && utf8.count >= 3 && first == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF {
      return true
    }
    for byte in utf8 {
      switch byte {
      case ASCII.comma, ASCII.quote, ASCII.carriageReturn, ASCII.lineFeed: return true
      default: continue
      }
    }
    return false
  }

  /// Appends `field` quoted by libcsv's `csv_write`, which surrounds it with quotes and doubles
  /// the quotes inside.
  mutating func appendQuoted(field: UnsafeRawBufferPointer) {
    // csv_write returns 0 for a NULL source, even with length 0, so always pass an address.
    var empty: UInt8 = 0
    withUnsafeMutableBytes(of: &empty) { placeholder in
      let source = field.baseAddress ?? UnsafeRawPointer(placeholder.baseAddress)
      let size = csv_write(nil, 0, source, field.count)
      let start = buffer.count
      buffer.append(contentsOf: repeatElement(0, count: size))
      buffer.withUnsafeMutableBytes { output in
        guard let base = output.baseAddress else { return }
        let written = csv_write(base + start, size, source, field.count)
        assert(written == size, "csv_write wrote \(written) bytes, announced \(size)")
      }
    }
  }
}
