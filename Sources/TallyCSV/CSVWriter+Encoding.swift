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

  /// Whether any byte of `word` is `,`, `"`, CR or LF: each byte XORed with the one sought is
  /// zero where they match, and `(x - 0x01…01) & ~x & 0x80…80` is non-zero exactly when some byte
  /// of `x` is zero.
  @inline(__always)
  static func hasSpecialByte(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
    return hasZeroByte(word ^ (ones &* UInt64(comma))) || hasZeroByte(word ^ (ones &* UInt64(quote)))
      || hasZeroByte(word ^ (ones &* UInt64(carriageReturn))) || hasZeroByte(word ^ (ones &* UInt64(lineFeed)))
  }

  /// Whether `byte` is `,`, `"`, CR or LF.
  @inline(__always)
  static func isSpecial(_ byte: UInt8) -> Bool {
    byte == comma || byte == quote || byte == carriageReturn || byte == lineFeed
  }
}

extension CSVWriter {
  mutating func beginOutputIfNeeded() {
    guard !startedOutput else { return }
    startedOutput = true
    if options.byteOrderMark {
      makeRoom(ASCII.byteOrderMark.count)
      let start = count
      count = ASCII.byteOrderMark.withUnsafeBytes { bom in
        buffer.withUnsafeMutableBytes { out in Self.copy(bom, to: out.baseAddress!, at: start) }
      }
    }
  }

  /// Makes sure `extra` more bytes fit in the storage past ``count``, growing it (doubling) if not.
  @inline(__always)
  mutating func makeRoom(_ extra: Int) {
    let needed = count + extra
    guard needed > buffer.count else { return }
    buffer.append(contentsOf: repeatElement(0, count: Swift.max(needed, 2 * buffer.count) - buffer.count))
  }

  /// The most bytes a cell can encode to: a text's guard, quotes and every byte doubled; 20
  /// digits and a sign for a number; two quotes for an empty lone field.
  @inline(__always)
  static func maximumEncodedCount(_ cell: CSVCell) -> Int {
    switch cell {
    case .text(let text): 2 * text.utf8.count + 4
    case .integer: 21
    case .empty: 2
    }
  }

  /// Encodes one record, ended by `lineEnding`, at `offset` of `out`, which has room for it (see
  /// ``maximumEncodedCount(_:)``); returns the offset past it.
  static func encode(
    _ cells: [CSVCell], guardsFormulas: Bool, lineEnding: [UInt8], into out: UnsafeMutableRawPointer, at offset: Int
  ) -> Int {
    var offset = offset
    let isOnlyField = cells.count == 1
    for index in cells.indices {
      if index > 0 {
        out.storeBytes(of: ASCII.comma, toByteOffset: offset, as: UInt8.self)
        offset += 1
      }
      switch cells[index] {
      case .text(var text):
        offset = text.withUTF8 {
          encodeText(
            UnsafeRawBufferPointer($0), guardsFormulas: guardsFormulas, isOnlyField: isOnlyField, into: out, at: offset)
        }
      case .integer(let number):
        offset = Self.encodeInteger(number, into: out, at: offset)
      case .empty:
        if isOnlyField { offset = Self.quote(UnsafeRawBufferPointer(start: nil, count: 0), into: out, at: offset) }
      }
    }
    return lineEnding.withUnsafeBytes { copy($0, to: out, at: offset) }
  }

  /// Encodes `number` as a decimal numeral, without going through `String`.
  @inline(__always)
  static func encodeInteger(_ number: Int64, into out: UnsafeMutableRawPointer, at offset: Int) -> Int {
    var offset = offset
    if number < 0 {
      out.storeBytes(of: ASCII.minus, toByteOffset: offset, as: UInt8.self)
      offset += 1
    }
    var magnitude = number.magnitude
    // 20 digits hold UInt64.max.
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    return withUnsafeMutableBytes(of: &digits) { raw in
      var start = raw.count
      repeat {
        start -= 1
        raw[start] = ASCII.zero + UInt8(truncatingIfNeeded: magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      return copy(UnsafeRawBufferPointer(rebasing: raw[start...]), to: out, at: offset)
    }
  }

  /// Encodes one text field, guarded and quoted as needed.
  static func encodeText(
    _ utf8: UnsafeRawBufferPointer, guardsFormulas: Bool, isOnlyField: Bool, into out: UnsafeMutableRawPointer,
    at offset: Int
  ) -> Int {
    let guarded = guardsFormulas && utf8.first.map(ASCII.startsFormula) == true
    guard fieldNeedsQuotes(utf8, guarded: guarded, isOnlyField: isOnlyField) else {
      var offset = offset
      if guarded {
        out.storeBytes(of: ASCII.apostrophe, toByteOffset: offset, as: UInt8.self)
        offset += 1
      }
      return copy(utf8, to: out, at: offset)
    }
    guard guarded else { return quote(utf8, into: out, at: offset) }
    // The guard goes inside the quotes: libcsv quotes the field with its apostrophe.
    var prefixed = [ASCII.apostrophe]
    prefixed.append(contentsOf: utf8.assumingMemoryBound(to: UInt8.self))
    return prefixed.withUnsafeBytes { quote($0, into: out, at: offset) }
  }

  /// Whether libcsv would misread the field unless it is quoted.
  static func fieldNeedsQuotes(_ utf8: UnsafeRawBufferPointer, guarded: Bool, isOnlyField: Bool) -> Bool {
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
    // Eight bytes at a time, then the rest one by one.
    var offset = 0
    while offset + 8 <= utf8.count {
      if ASCII.hasSpecialByte(utf8.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
      offset += 8
    }
    while offset < utf8.count {
      if ASCII.isSpecial(utf8[offset]) { return true }
      offset += 1
    }
    return false
  }

  /// Writes `field` quoted by libcsv's `csv_write`, which surrounds it with quotes and doubles
  /// the quotes inside (at most `2 * count + 2` bytes).
  static func quote(_ field: UnsafeRawBufferPointer, into out: UnsafeMutableRawPointer, at offset: Int) -> Int {
    // csv_write returns 0 for a NULL source, even with length 0, so always pass an address.
    var empty: UInt8 = 0
    return withUnsafeMutableBytes(of: &empty) { placeholder in
      let source = field.baseAddress ?? UnsafeRawPointer(placeholder.baseAddress)
      return offset + csv_write(out + offset, 2 * field.count + 2, source, field.count)
    }
  }

  /// Copies `bytes` to `offset` of `out`; returns the offset past them.
  @inline(__always)
  static func copy(_ bytes: UnsafeRawBufferPointer, to out: UnsafeMutableRawPointer, at offset: Int) -> Int {
    if let base = bytes.baseAddress { (out + offset).copyMemory(from: base, byteCount: bytes.count) }
    return offset + bytes.count
  }
}
